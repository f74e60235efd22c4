//! Prints the text lines Typst placed on each page of the seed plan, with positions (a debugging aid).
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/chi-bo-nvt-2020.yaml".into());
    let bytes = std::fs::read(&path).expect("readable data file");
    let d = hoso::data::load_bytes(&path, &bytes).expect("valid data");
    let doc = hoso::documents::ke_hoach::build(&d);
    for (i, page) in hoso::render::pdf::layout_lines(&doc)
        .unwrap()
        .iter()
        .enumerate()
    {
        println!("--- page {}", i + 1);
        for l in page {
            println!(
                "{:7.2} {:7.2} {:7.2} {:5.1} {}",
                l.x, l.y, l.width, l.size, l.text
            );
        }
    }
}
