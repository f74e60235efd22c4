//! The PDFs of a large document's parts (see `chunked`) joined into one: the first part's
//! catalogue, information and identifier, every part's pages in order under one page tree.

use anyhow::{Context, anyhow};
use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};

/// Keys a page inherits from the page tree above it (ISO 32000-1, 7.7.3.4).
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// A PDF being joined from parts, each added as soon as it is made.
#[derive(Default)]
pub(crate) struct Joined {
    /// The first part, which the others join.
    pdf: Option<Pdf>,
    /// Every page so far, in order.
    pages: Vec<ObjectId>,
}

impl Joined {
    /// Whether no part has been added.
    pub fn is_empty(&self) -> bool {
        self.pdf.is_none()
    }

    /// Adds a part's pages after those already there.
    pub fn add(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        let mut part = Pdf::load_mem(bytes).context("đọc lại PDF của một phần văn bản")?;
        if let Some(base) = &self.pdf {
            part.renumber_objects_with(base.max_id + 1);
        }
        let pages: Vec<ObjectId> = part.get_pages().into_values().collect();
        // a page takes what it inherited from its own tree with it
        for &page in &pages {
            let inherited: Vec<(Vec<u8>, Object)> = INHERITED
                .iter()
                .filter_map(|key| {
                    let own = part.get_dictionary(page).ok()?.has(key);
                    (!own)
                        .then(|| inherited(&part, page, key).map(|v| (key.to_vec(), v)))
                        .flatten()
                })
                .collect();
            let dict = part.get_dictionary_mut(page)?;
            for (key, value) in inherited {
                dict.set(key, value);
            }
        }
        self.pages.extend(&pages);
        match &mut self.pdf {
            None => self.pdf = Some(part),
            Some(base) => {
                let top = part.objects.keys().map(|id| id.0).max().unwrap_or(0);
                base.max_id = base.max_id.max(top);
                base.objects.extend(part.objects);
            }
        }
        Ok(())
    }

    /// The joined PDF: every page under the first part's page tree, what no page or catalogue
    /// refers to any more dropped.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        let mut pdf = self
            .pdf
            .ok_or_else(|| anyhow!("văn bản không có trang nào"))?;
        let root = pdf.catalog()?.get(b"Pages")?.as_reference()?;
        for &page in &self.pages {
            pdf.get_dictionary_mut(page)?
                .set("Parent", Object::Reference(root));
        }
        let mut tree = Dictionary::new();
        tree.set("Type", Object::Name(b"Pages".to_vec()));
        tree.set("Count", Object::Integer(self.pages.len() as i64));
        tree.set(
            "Kids",
            Object::Array(self.pages.iter().map(|&p| Object::Reference(p)).collect()),
        );
        pdf.objects.insert(root, Object::Dictionary(tree));
        count_pages_in_metadata(&mut pdf, self.pages.len());
        pdf.prune_objects();
        let mut out = Vec::new();
        pdf.save_to(&mut out).context("ghi PDF đã ghép")?;
        Ok(out)
    }
}

/// The value of an inheritable `key` from the page tree above `page`, if any.
fn inherited(pdf: &Pdf, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = pdf.get_dictionary(page).ok()?;
    for _ in 0..64 {
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = pdf.get_dictionary(parent).ok()?;
        if let Ok(v) = node.get(key) {
            return Some(v.clone());
        }
    }
    None
}

/// The XMP metadata of the first part counts its own pages: made to count all of them.
fn count_pages_in_metadata(pdf: &mut Pdf, pages: usize) {
    let Some(id) = pdf
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|m| m.as_reference().ok())
    else {
        return;
    };
    let Ok(Object::Stream(stream)) = pdf.get_object_mut(id) else {
        return;
    };
    if stream.dict.has(b"Filter") {
        return;
    }
    let Ok(xmp) = std::str::from_utf8(&stream.content) else {
        return;
    };
    let (open, close) = ("<xmpTPg:NPages>", "</xmpTPg:NPages>");
    if let Some(a) = xmp.find(open)
        && let Some(b) = xmp[a..].find(close)
    {
        let updated = format!("{}{open}{pages}{}", &xmp[..a], &xmp[a + b..]);
        stream.set_plain_content(updated.into_bytes());
    }
}
