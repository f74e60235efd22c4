//! The package: every part put right, real metadata, fixed timestamps; parts that recur from
//! document to document (styles, settings, headers) fixed once and cached.

use super::*;

pub(super) fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// The core properties with the document's own title, author and date.
pub(super) fn core_xml(title: &str, author: &str, stamp: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy>\
<cp:revision>1</cp:revision>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified></cp:coreProperties>",
        escape(title),
        escape(author),
        escape(author)
    )
    .into_bytes()
}

/// The settings part with `<w:mirrorMargins/>` added (put in its schema place by `fix_part`).
pub(super) fn mirrored(settings: &[u8]) -> anyhow::Result<Vec<u8>> {
    let text = std::str::from_utf8(settings).context("word/settings.xml không phải UTF-8")?;
    let open = text
        .find("<w:settings")
        .and_then(|i| text[i..].find('>').map(|j| i + j + 1))
        .context("word/settings.xml không có thẻ w:settings")?;
    Ok(format!("{}<w:mirrorMargins/>{}", &text[..open], &text[open..]).into_bytes())
}

/// Rewrites a .docx package produced by docx-rs; `mirror_margins` swaps left and right margins
/// on the back pages (docx-rs cannot set it).
pub fn fix_package(
    raw: &[u8],
    title: &str,
    author: &str,
    stamp: &str,
    mirror_margins: bool,
) -> anyhow::Result<Vec<u8>> {
    let mut zin =
        ZipArchive::new(Cursor::new(raw)).context("gói .docx do docx-rs tạo không đọc được")?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i)?;
        let name = f.name().to_string();
        // folder entries: a package has none (Word writes none), and each cost a deflate stream
        if name.ends_with('/') {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        parts.push((name, data));
    }
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    // [Content_Types].xml first, as Office writes it.
    parts.sort_by(|(a, _), (b, _)| {
        (a != "[Content_Types].xml", a).cmp(&(b != "[Content_Types].xml", b))
    });
    for (name, data) in parts {
        if name == "docProps/core.xml" {
            out.start_file(name, part_options())?;
            out.write_all(&core_xml(title, author, stamp))?;
        } else if name == "word/document.xml" {
            out.start_file(name.as_str(), part_options())?;
            let fixed = match fix_document(&data)? {
                Some(fixed) => fixed,
                None => fixed_part(&name, data, mirror_margins)?,
            };
            out.write_all(&fixed)?;
        } else {
            let one = recurring_part(name, data, mirror_margins)?;
            let mut zip = ZipArchive::new(Cursor::new(one.as_slice()))?;
            out.raw_copy_file(zip.by_index_raw(0)?)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// How each part is stored: the fastest deflate level (the parts are a few tens of kB, and a
/// smaller zip is not worth the time when thousands of documents are built), no timestamp.
pub(super) fn part_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
}

/// The part `name` as docx-rs wrote it (`data`), put right.
pub(super) fn fixed_part(
    name: &str,
    mut data: Vec<u8>,
    mirror_margins: bool,
) -> anyhow::Result<Vec<u8>> {
    if mirror_margins && name == "word/settings.xml" {
        data = mirrored(&data)?;
    }
    if name == "word/styles.xml" {
        data = styles_part(&data);
    }
    if name.starts_with("word/") && name.ends_with(".xml") {
        fix_part(&data).with_context(|| format!("phần {name} của .docx không sửa được"))
    } else {
        Ok(data)
    }
}

/// Recurring parts put right and compressed, each as a zip of that one entry, by what docx-rs
/// wrote (name, bytes, mirrored margins).
pub(super) type PartCache = HashMap<(String, Vec<u8>, bool), Arc<Vec<u8>>>;

pub(super) static RECURRING: LazyLock<Mutex<PartCache>> = LazyLock::new(Default::default);

/// At most this many parts are kept (a district's headers differ from cell to cell).
pub(super) const MAX_RECURRING: usize = 512;

/// A zip holding only the part `name` put right, made once per process for each content: every
/// part but the document's text and metadata (styles, settings, numbering, the cell's headers…)
/// recurs from document to document, and starting a deflate stream costs more than compressing
/// a part of a few kB. A recurring part is always copied from such a zip, so the package's bytes
/// never depend on what was built before.
pub(super) fn recurring_part(
    name: String,
    data: Vec<u8>,
    mirror_margins: bool,
) -> anyhow::Result<Arc<Vec<u8>>> {
    let key = (name, data, mirror_margins);
    let cache = || RECURRING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(one) = cache().get(&key) {
        return Ok(one.clone());
    }
    let fixed = fixed_part(&key.0, key.1.clone(), mirror_margins)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(key.0.as_str(), part_options())?;
    zip.write_all(&fixed)?;
    let one = Arc::new(zip.finish()?.into_inner());
    let mut cache = cache();
    if cache.len() >= MAX_RECURRING {
        cache.clear();
    }
    cache.insert(key, one.clone());
    Ok(one)
}
