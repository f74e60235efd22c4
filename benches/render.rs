//! Building in process: the seed plan's model, .docx and PDF separately, and the whole
//! 15-member fixture (every document, both formats), with fonts loaded once.

use criterion::{Criterion, criterion_group, criterion_main};
use hoso::documents::ke_hoach;
use hoso::render::Renderer;
use hoso::render::docx::DocxRenderer;
use hoso::render::pdf::PdfRenderer;

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/chi-bo-nvt-2020.yaml");
    let bytes = std::fs::read(path).unwrap();
    let dossier = hoso::data::load_bytes(path, &bytes).expect("fixture is valid");
    let doc = ke_hoach::build(&dossier);
    let docx = DocxRenderer::new();
    let pdf = PdfRenderer::new();
    pdf.render(&doc).unwrap(); // fonts parsed and caches warm before timing

    c.bench_function("load fixture (YAML → model)", |b| {
        b.iter(|| hoso::data::load_bytes(path, &bytes).unwrap())
    });
    c.bench_function("ke-hoach: model", |b| b.iter(|| ke_hoach::build(&dossier)));
    c.bench_function("ke-hoach: docx", |b| b.iter(|| docx.render(&doc).unwrap()));
    c.bench_function("ke-hoach: pdf", |b| b.iter(|| pdf.render(&doc).unwrap()));
    // Typst's memo cache makes a repeated document cheap; a batch renders different documents.
    c.bench_function("ke-hoach: pdf, layout cache cleared", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            pdf.render(&doc).unwrap()
        })
    });
}

/// Every document of the fixture in both formats, as `hoso build` renders them (no disk writes).
fn whole_fixture(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/chi-bo-nvt-2020.yaml");
    let bytes = std::fs::read(path).unwrap();
    let docx = DocxRenderer::new();
    let pdf = PdfRenderer::new();
    let dossier = hoso::data::load_bytes(path, &bytes).expect("fixture is valid");
    let count = hoso::review::build_all(&dossier).len();
    let mut group = c.benchmark_group("whole fixture");
    // throughput in documents (each one .docx and one .pdf)
    group.throughput(criterion::Throughput::Elements(count as u64));
    group.bench_function(format!("{count} documents, docx + pdf"), |b| {
        b.iter(|| {
            let d = hoso::data::load_bytes(path, &bytes).unwrap();
            for doc in hoso::review::build_all(&d) {
                docx.render(&doc).unwrap();
                pdf.render(&doc).unwrap();
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, whole_fixture
}
criterion_main!(benches);
