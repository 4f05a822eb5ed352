//! Pages other than articles: a forum thread keeps every post, a service page every section;
//! the page's menus and footer stay out; who wrote each post stays over it when the post's
//! header links to the writer's profile and says when (a name alone on its line is still
//! weeded as a label). Each page is written for the
//! test, shaped as such pages are (the content spread over sibling blocks, not one story).

use cleancopy::{clean, CleanCopy};

fn copy(html: &str) -> CleanCopy {
    clean(html, None).expect("extracts")
}

fn shell(title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title} - Example Hub</title></head><body>\
         <header><a href=\"/\">Example Hub</a><nav><a href=\"/a\">Products</a> <a href=\"/b\">Pricing</a> <a href=\"/c\">Blog</a></nav></header>\
         {main}\
         <footer><p>Example Hub Ltd. All rights reserved. Terms and privacy.</p></footer></body></html>"
    )
}

const POSTS: [(&str, &str); 4] = [
    ("marta_k", "My sourdough starter smells of nail polish after a week in the fridge. Is it dead, or can I still save it with a few feedings at room temperature?"),
    ("breadhead", "That smell is acetone from a hungry starter. Feed it twice a day for three days, discard half each time, and it will come back, as mine did last winter."),
    ("oven_spring", "Agreed. I would also switch to a little rye flour for the first feedings, since it wakes the yeast faster than white flour does in a cold kitchen."),
    ("marta_k", "Three days of feeding later it doubles in six hours again and the smell is gone. Thank you both, the loaf this morning was the best in a month."),
];

#[test]
fn a_forum_thread_keeps_every_post_in_order() {
    let posts: String = POSTS
        .iter()
        .enumerate()
        .map(|(i, (who, text))| format!("<div class=\"post-row\"><div class=\"author\">{who}</div><div class=\"message\"><p>{text}</p></div><div class=\"meta\">#{}</div></div>", i + 1))
        .collect();
    let html = shell("Starter smells of nail polish", &format!("<main><h1>Starter smells of nail polish</h1><div class=\"thread\">{posts}</div></main>"));
    let c = copy(&html);
    let mut at = 0;
    for (who, text) in POSTS {
        let found = c.text[at..].find(text).unwrap_or_else(|| panic!("post by {who} missing or out of order:\n{}", c.text));
        at += found + text.len();
    }
    assert!(!c.text.contains("All rights reserved") && !c.text.contains("Pricing"), "{}", c.text);
}

#[test]
fn a_thread_keeps_who_wrote_each_post_and_when() {
    let posts: String = POSTS
        .iter()
        .enumerate()
        .map(|(i, (who, text))| {
            format!("<article class=\"post\"><div class=\"post-header\"><a class=\"username\" href=\"/u/{who}\">{who}</a> <time datetime=\"2024-06-{d:02}\">{d} Jun 2024</time></div><div class=\"cooked\"><p>{text}</p></div></article>", d = i + 10)
        })
        .collect();
    let html = shell("Starter smells of nail polish", &format!("<main><h1>Starter smells of nail polish</h1><div class=\"thread\">{posts}</div></main>"))
        .replace("<head>", "<head><link rel=\"canonical\" href=\"https://forum.example/t/starter/7\">");
    let c = copy(&html);
    let mut at = 0;
    for (i, (who, text)) in POSTS.iter().enumerate() {
        let header = format!("{who} {} Jun 2024\n\n{text}", i + 10);
        let found = c.text[at..].find(&header).unwrap_or_else(|| panic!("post {} without its writer and date over it:\n{}", i + 1, c.text));
        at += found + header.len();
    }
    assert!(c.html.contains(r#"<a href="https://forum.example/u/breadhead""#), "{}", c.html);
}

#[test]
fn a_post_header_in_parts_is_one_line_over_its_post() {
    // The writer's photo and name in a heading, the date on a line of its own under them, all
    // linked (the name to the profile, the date to the post): one line, in each post, and the
    // first post's words are its own, not the story's standfirst.
    let posts: String = POSTS
        .iter()
        .enumerate()
        .map(|(i, (who, text))| {
            format!(
                "<article class=\"post\"><div class=\"post-head\"><a href=\"/profile/{n}-{who}/\"><img src=\"/photos/{who}.png\" alt=\"{who}\"></a>\
                 <h3><a href=\"/profile/{n}-{who}/\">{who}</a></h3><div><a href=\"/topic/7/#post-{n}\">Posted <time datetime=\"2024-06-{d:02}T09:00:00Z\">June {d}, 2024</time></a></div></div>\
                 <div class=\"post-body\"><p>{text}</p></div></article>",
                n = i + 1,
                d = i + 10
            )
        })
        .collect();
    let html = shell("Starter smells of nail polish", &format!("<main><h1>Starter smells of nail polish</h1><div class=\"thread\">{posts}</div></main>"))
        .replace("<head>", &format!("<head><link rel=\"canonical\" href=\"https://forum.example/topic/7/\"><meta name=\"description\" content=\"{}\">", POSTS[0].1));
    let c = copy(&html);
    let mut at = 0;
    for (i, (who, text)) in POSTS.iter().enumerate() {
        let header = format!("{who} · Posted June {}, 2024\n\n{text}", i + 10);
        let found = c.text[at..].find(&header).unwrap_or_else(|| panic!("post {} without its header line over it:\n{}", i + 1, c.text));
        at += found + header.len();
    }
    assert!(!c.html.contains("/photos/"), "the writers' photos are left out: {}", c.html);
}

#[test]
fn a_writers_photo_is_no_figure_of_the_post() {
    // The photo links to the writer's profile, away from the name and the date.
    let posts: String = POSTS
        .iter()
        .enumerate()
        .map(|(i, (who, text))| {
            format!(
                "<div class=\"post\"><div class=\"photo\"><a href=\"/members/{who}.{n}/\"><img src=\"/photos/{who}.png\" alt=\"{who}\" width=\"96\"></a></div>\
                 <div class=\"post-body\"><p>{text}</p><p><img src=\"/uploads/starter-{n}.jpg\" alt=\"The starter on day {n}\"></p></div></div>",
                n = i + 1
            )
        })
        .collect();
    let html = shell("Starter smells of nail polish", &format!("<main><h1>Starter smells of nail polish</h1><div class=\"thread\">{posts}</div></main>"))
        .replace("<head>", "<head><link rel=\"canonical\" href=\"https://forum.example/threads/starter.7/\">");
    let c = copy(&html);
    assert!(c.html.contains("/uploads/starter-1.jpg"), "the post's own picture stays: {}", c.html);
    assert!(!c.html.contains("/photos/"), "the writers' photos are left out: {}", c.html);
}

#[test]
fn a_service_page_keeps_all_of_its_sections() {
    let sections = [
        ("Bookkeeping that closes itself", "Connect your bank once and every payment is matched to its invoice overnight, so that the month closes without a spreadsheet or a late evening."),
        ("Payroll in ten minutes", "Run payroll for a team of any size, with taxes and pension contributions worked out and filed for you before each pay day comes round."),
        ("Support from people who know accounts", "Our advisers are qualified bookkeepers; they answer within an hour on working days and look at your actual books, not a script."),
    ];
    let body: String = sections.iter().map(|(h, p)| format!("<section class=\"band\"><div class=\"inner\"><h2>{h}</h2><p>{p}</p></div></section>")).collect();
    let html = shell("Accounting for small firms", &format!("<main><section class=\"hero\"><h1>Accounting for small firms</h1><p>Everything a small firm needs to keep its books, in one place.</p></section>{body}</main>"));
    let c = copy(&html);
    for (h, p) in sections {
        assert!(c.text.contains(h) && c.text.contains(p), "section {h:?} missing:\n{}", c.text);
    }
}

#[test]
fn a_product_page_opens_its_folded_panels() {
    let panel = |n: usize, title: &str, body: &str| {
        format!(
            "<div class=\"accordion-item\"><h3><button type=\"button\" aria-expanded=\"false\" aria-controls=\"panel-{n}\">{title}</button></h3>\
             <div class=\"collapse\" style=\"display:none\"><div role=\"region\" id=\"panel-{n}\">{body}</div></div></div>"
        )
    };
    let description = "<p>A fire pit of brushed stainless steel that burns wood almost without smoke, thanks to a double wall that feeds hot air to the top of the flame.</p>";
    let care = "<p>Let the ash cool for a day, then tip it out and wipe the steel with a damp cloth; the colour the flame leaves on the rim is normal and will not rust.</p>";
    let menu = "<nav><button aria-expanded=\"false\" aria-controls=\"shop-menu\">Shop</button><ul id=\"shop-menu\" hidden><li><a href=\"/pits\">All fire pits</a></li></ul></nav>";
    let main = format!(
        "{menu}<main><h1>Summit fire pit</h1><p>Our tallest flame yet, for a garden of six to eight people, lit with a single match.</p><p class=\"price\">$399.99</p>{}{}</main>",
        panel(1, "Description", description),
        panel(2, "Care", care)
    );
    let c = copy(&shell("Summit fire pit", &main));
    assert!(c.text.contains("burns wood almost without smoke"), "the folded description is read:\n{}", c.text);
    assert!(c.text.contains("tip it out and wipe the steel"), "the second folded panel is read:\n{}", c.text);
    assert!(!c.text.contains("All fire pits"), "a menu's folded list stays out:\n{}", c.text);
    assert!(c.html.contains("<h3>Care</h3>"), "the button that folds a section is its heading:\n{}", c.html);
}

#[test]
fn documentation_keeps_each_term_of_a_definition_list_with_its_definition() {
    let entries = [
        ("parse(text, strict=False)", "Reads the text as a document and returns its tree; with strict set, the first error in the markup stops the reading instead of being mended."),
        ("serialize(tree)", "Writes the tree back as markup, escaping every text and attribute value, so that reading it again gives the same tree."),
    ];
    let list: String = entries.iter().map(|(term, def)| format!("<dt>{term}</dt><dd><p>{def}</p></dd>")).collect();
    // Short pairs (a poster's figures, a product's specifications) stay loose lines, as before.
    let figures = "<dl class=\"pairs\"><dt>Joined</dt><dd>Mar 2019</dd><dt>Messages</dt><dd>1,204</dd></dl>";
    let html = shell("The parser module", &format!("<main><h1>The parser module</h1><p>The module reads and writes documents, and these are the two functions it offers to the code that uses it.</p><dl>{list}</dl>{figures}</main>"));
    let c = copy(&html);
    for (term, def) in entries {
        let item = format!("- **{}**\n\n  {def}", term.replace('_', "\\_"));
        assert!(c.markdown.contains(&item), "no {item:?} in:\n{}", c.markdown);
    }
    assert!(c.html.contains("<li><p><strong>serialize(tree)</strong></p>"), "{}", c.html);
    assert!(!c.html.contains("<strong>Joined</strong>"), "{}", c.html);
}
