//! Building the seed plan in process: document model, .docx, and PDF separately (fonts loaded once).

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
