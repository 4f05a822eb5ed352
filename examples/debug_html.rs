use scraper::{ElementRef, Html};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let s = std::fs::read_to_string(&args[1]).unwrap();
    let doc = Html::parse_document(&s);
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        if el.value().name() != "p" { continue }
        let t: String = el.text().collect();
        if !t.contains(&args[2]) { continue }
        let mut cur = Some(el);
        while let Some(e) = cur {
            println!("{} class={:?} id={:?} hidden={:?} style={:?}", e.value().name(), e.value().attr("class"), e.value().attr("id"), e.value().attr("aria-hidden"), e.value().attr("style"));
            cur = e.parent().and_then(ElementRef::wrap);
        }
        break;
    }
}
