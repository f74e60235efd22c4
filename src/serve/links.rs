//! The slips to hand out (`hoso serve DATA --links FILE`): a document of the cell with, for
//! each member, their name, their link and its QR code, to print and cut.

use std::path::{Path, PathBuf};

use super::keys::Keys;
use crate::data::Dossier;
use crate::doc::{Block, Document, ParaKind, Run, Title};
use crate::documents::common;
use crate::pipeline::Failure;

/// A QR code's side on the page.
const QR_MM: f64 = 32.0;
/// PNG pixels per module (Word scales the picture; whole pixels keep the edges sharp).
const PX_PER_MODULE: usize = 8;
/// Blank modules around the code, as the standard asks.
const QUIET: usize = 4;

/// The QR code of `text` as SVG and as PNG (with its side in pixels).
pub fn qr(text: &str) -> Result<(String, Vec<u8>, u32), String> {
    let code =
        qrcode::QrCode::new(text.as_bytes()).map_err(|e| format!("không tạo được mã QR: {e}"))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .quiet_zone(true)
        .min_dimensions(200, 200)
        .build();
    let w = code.width();
    let colors = code.to_colors();
    let side = (w + 2 * QUIET) * PX_PER_MODULE;
    let mut pixels = vec![255u8; side * side];
    for y in 0..w {
        for x in 0..w {
            if colors[y * w + x] == qrcode::Color::Dark {
                for dy in 0..PX_PER_MODULE {
                    let row = (y + QUIET) * PX_PER_MODULE + dy;
                    let start = row * side + (x + QUIET) * PX_PER_MODULE;
                    pixels[start..start + PX_PER_MODULE].fill(0);
                }
            }
        }
    }
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, side as u32, side as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&pixels).map_err(|e| e.to_string())?;
    }
    Ok((svg, png, side as u32))
}

fn plain(kind: ParaKind, runs: Vec<Run>) -> Block {
    Block::Paragraph { kind, runs }
}

/// The slips of every member of `d`, their links under `base` ("http://192.168.1.5:8080").
pub fn document(d: &Dossier, keys: &Keys, base: &str) -> Result<Document, String> {
    let mut b = vec![Block::body(format!(
        "Mỗi đồng chí mở đường dẫn riêng của mình (gõ vào trình duyệt hoặc quét mã QR bằng điện thoại) để tải bản kiểm điểm cá nhân năm {} đã điền sẵn và gửi bản tự kiểm điểm cho chi ủy. Đường dẫn là riêng của từng người, không chuyển cho người khác.",
        d.year
    ))];
    // members not reviewed this year have nothing to write
    let reviewed = d
        .members
        .iter()
        .filter(|m| crate::data::tally::standing(d, m).reviewed());
    for m in common::in_meeting_order(reviewed) {
        let link = format!("{base}{}", super::member_path(keys, d.year, &m.id));
        let (svg, png, px) = qr(&link)?;
        b.push(plain(
            ParaKind::Label,
            vec![Run::plain(
                "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
            )],
        ));
        b.push(plain(
            ParaKind::Label,
            vec![Run::plain("Đồng chí: "), Run::bold(&m.full_name)],
        ));
        b.push(plain(ParaKind::Label, vec![Run::plain(link)]));
        b.push(Block::Image {
            svg,
            png,
            px,
            width_mm: QR_MM,
        });
    }
    Ok(common::document(
        d,
        "duong-dan".into(),
        format!("Đường dẫn tải và gửi bản tự kiểm điểm năm {}", d.year),
        common::Issue {
            kind: "duong-dan",
            doc_type: None,
            number: None,
            date: crate::vn::date::today(),
        },
        Title {
            kind: "DANH SÁCH ĐƯỜNG DẪN".into(),
            summary: Some(format!(
                "tải và gửi bản tự kiểm điểm năm {} của đảng viên",
                d.year
            )),
            subtitle: None,
        },
        b,
    ))
}

/// Writes the slips as `file` .docx and .pdf (the extension given, if any, is replaced).
pub fn write(d: &Dossier, keys: &Keys, base: &str, file: &Path) -> Result<Vec<PathBuf>, Failure> {
    let doc = document(d, keys, base).map_err(Failure::Usage)?;
    let mut written = Vec::new();
    for r in crate::render::ALL {
        let bytes = r
            .render(&doc)
            .map_err(|e| Failure::Io(e.context("không tạo được phiếu đường dẫn")))?;
        let path = file.with_extension(r.extension());
        crate::archive::record::write_whole(&path, &bytes).map_err(Failure::Io)?;
        written.push(path);
    }
    Ok(written)
}
