//! The loader and the build never panic: hundreds of mutations of the fixture and of random
//! bytes, each loaded, checked and turned into documents (a bounded, deterministic property
//! test: the same cases on every run, so a failure is reproducible).

use std::panic::{AssertUnwindSafe, catch_unwind};

/// xorshift64*: a tiny deterministic generator, enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes and snippets that tend to break YAML readers and date, number and id parsers.
const SNIPPETS: &[&[u8]] = &[
    b": ",
    b"- ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"&a ",
    b"*a",
    b"!!str ",
    b"\"",
    b"'",
    b"\n",
    b"\t",
    b"#",
    b"|",
    b">-",
    b"~",
    b"null",
    b"-1",
    b"99999999999999999999",
    b"31/02/2020",
    b"0:61",
    b"{ly}",
    b"{khong_co}",
    b"\xff",
    b"\xc3",
    "Đ".as_bytes(),
    "ệ".as_bytes(),
    b"  ",
    b"\r\n",
];

fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len());
        match rng.below(5) {
            0 => {
                let end = (at + rng.below(40)).min(v.len());
                v.drain(at..end);
            }
            1 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                v.splice(at..at, s.iter().copied());
            }
            2 => v[at] = rng.next() as u8,
            3 => {
                // duplicate a run of lines
                let end = (at + rng.below(200)).min(v.len());
                let chunk = v[at..end].to_vec();
                v.splice(at..at, chunk);
            }
            _ => {
                // swap two regions' first bytes: shuffles indentation and keys
                let other = rng.below(v.len());
                v.swap(at, other);
            }
        }
    }
    v
}

/// Loads, checks and builds every document model; panics are the only failure.
fn exercise(bytes: &[u8]) -> bool {
    let result = catch_unwind(AssertUnwindSafe(|| {
        if let Ok(d) = hoso::data::load_bytes("m.yaml", bytes) {
            let _ = hoso::review::check(&d);
            let docs = hoso::review::build_all(&d);
            assert!(!docs.is_empty());
            true
        } else {
            false
        }
    }));
    result.unwrap_or_else(|_| {
        let shown = String::from_utf8_lossy(bytes);
        panic!("panic on input:\n{shown}")
    })
}

#[test]
fn mutated_fixtures_never_panic() {
    let src = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/chi-bo-nvt-2020.yaml"
    ))
    .unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut loaded = 0;
    for _ in 0..400 {
        if exercise(&mutate(&mut rng, &src)) {
            loaded += 1;
        }
    }
    // many mutations leave a valid file: the documents were built from those too
    assert!(loaded > 20, "only {loaded} mutations loaded");
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..300 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                if rng.below(3) == 0 {
                    SNIPPETS[rng.below(SNIPPETS.len())][0]
                } else {
                    rng.next() as u8
                }
            })
            .collect();
        exercise(&bytes);
    }
}

#[test]
fn the_starter_file_mutated_never_panics_when_rendered() {
    // Rendering too: a few mutations that load are rendered to .docx and PDF.
    use hoso::render::Renderer;
    let docx = hoso::render::docx::DocxRenderer::new();
    let pdf = hoso::render::pdf::PdfRenderer::new();
    let mut rng = Rng(7);
    let mut rendered = 0;
    for _ in 0..200 {
        let bytes = mutate(&mut rng, hoso::starter::STARTER.as_bytes());
        let Ok(d) = hoso::data::load_bytes("m.yaml", &bytes) else {
            continue;
        };
        for doc in hoso::review::build_all(&d).into_iter().take(3) {
            // what loads must render: an error here is as wrong as a panic
            let ok = catch_unwind(AssertUnwindSafe(|| {
                docx.render(&doc).map_err(|e| format!("docx: {e:#}"))?;
                pdf.render(&doc).map_err(|e| format!("pdf: {e:#}"))?;
                Ok::<(), String>(())
            }));
            match ok {
                Ok(Ok(())) => {}
                Ok(Err(e)) => panic!("{e} on:\n{}", String::from_utf8_lossy(&bytes)),
                Err(_) => panic!("render panicked on:\n{}", String::from_utf8_lossy(&bytes)),
            }
        }
        rendered += 1;
        if rendered == 8 {
            break;
        }
    }
    assert!(rendered > 0);
}

/// A large document (a ballot of 650 members) is laid out while Typst's caches are emptied
/// every quarter of a second, to bound memory: its PDF must not depend on when that happens.
#[test]
fn a_large_document_is_the_same_whenever_the_caches_are_emptied() {
    use hoso::render::Renderer;
    let yaml = hoso::synthetic::cell(650, 3);
    let d = hoso::data::load_bytes("lon.yaml", yaml.as_bytes()).unwrap();
    let ballot = hoso::review::build_all(&d)
        .into_iter()
        .find(|doc| doc.path == "phieu-danh-gia")
        .expect("a ballot");
    assert!(ballot.weight() > 600, "weight {}", ballot.weight());
    let pdf = hoso::render::pdf::PdfRenderer::new();
    let first = pdf.render(&ballot).unwrap();
    let second = pdf.render(&ballot).unwrap();
    assert!(first == second, "two renderings of the large ballot differ");
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("phieu.pdf");
    std::fs::write(&path, &first).unwrap();
    let text = crate::common::pdf_text(&path);
    let last = d.members.last().unwrap();
    assert!(
        text.contains(&last.full_name),
        "the last member is missing from the ballot"
    );
}
