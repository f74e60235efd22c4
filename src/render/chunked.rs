//! A large document laid out in parts, so that memory holds one part's pages at a time (a
//! 5,000-member cell's minutes run to a thousand pages). Each part starts at the top of a page,
//! at a paragraph or table row the layout of the whole would start that page with, so the parts
//! put together are that layout, page for page.
//!
//! How a part ends: it is laid out with some paragraphs and rows more than it keeps; its last
//! page (the only one the missing rest could change) is dropped, and the next part starts with
//! the first paragraph or row of the latest page that begins cleanly (nothing of the paragraph
//! or row before it on that page). Markers placed by the template at the start and end of every
//! paragraph and row say where each one went.

use std::collections::HashMap;

use crate::doc::{Block, Cell, Document};

/// Paragraphs and table rows laid out per part, before the last page is dropped: about 30 pages
/// of minutes, 17 of a ballot. Typst's caches keep the room the largest part needed (emptied,
/// not shrunk), and each part embeds its own subset of the fonts: at 5,000 members, 1,200 took
/// 330–450 MB at the peak, 600 270–285 MB (the minutes' PDF 2.7 MB instead of 2.2).
pub(crate) const UNITS_PER_PART: usize = 600;

/// What a document is made of, for cutting it: units are its paragraphs, its tables' body rows
/// and its other blocks, numbered in order.
pub(crate) struct Units<'a> {
    doc: &'a Document,
    /// The number of the first unit of each block.
    base: Vec<usize>,
    /// All units.
    total: usize,
    /// How many units a part lays out.
    per_part: usize,
}

/// One part: from unit `start`, laid out after `pages_before` pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    /// Its first unit.
    pub start: usize,
    /// How many pages precede it.
    pub pages_before: usize,
}

impl<'a> Units<'a> {
    /// Numbers the units of `doc`, to be laid out `per_part` at a time.
    pub fn new(doc: &'a Document, per_part: usize) -> Self {
        let mut base = Vec::with_capacity(doc.blocks.len());
        let mut total = 0;
        for b in &doc.blocks {
            base.push(total);
            total += match b {
                Block::Table { rows, .. } => rows.len().max(1),
                _ => 1,
            };
        }
        Units {
            doc,
            base,
            total,
            per_part: per_part.max(1),
        }
    }

    /// How many units there are.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The block and row (0 for a block that is not a table) of unit `u`.
    fn locate(&self, u: usize) -> (usize, usize) {
        let block = self.base.partition_point(|&b| b <= u) - 1;
        (block, u - self.base[block])
    }

    /// Whether unit `u` carries markers: a paragraph, or a row of a table that has rows.
    fn marked(&self, u: usize) -> bool {
        let (block, _) = self.locate(u);
        match &self.doc.blocks[block] {
            Block::Paragraph { .. } => true,
            Block::Table { rows, .. } => !rows.is_empty(),
            _ => false,
        }
    }

    /// Whether a part may start with unit `u`: it and the unit before carry markers, and no
    /// merged cell reaches from a row above into it.
    pub fn may_start_at(&self, u: usize) -> bool {
        if u == 0 || u >= self.total || !self.marked(u) || !self.marked(u - 1) {
            return false;
        }
        let (block, row) = self.locate(u);
        match &self.doc.blocks[block] {
            Block::Table { rows, .. } => first_clear_row(rows, row) == row,
            _ => true,
        }
    }

    /// Where a part that starts at `start` stops laying out: `per_part` units on, moved on
    /// past a paragraph kept with the next (so what is laid out of the part's end is as it would
    /// be), or the document's end.
    pub fn end_of_part(&self, start: usize) -> usize {
        let mut end = (start + self.per_part).min(self.total);
        while end < self.total && self.kept_with_next(end - 1) {
            end += 1;
        }
        end
    }

    fn kept_with_next(&self, u: usize) -> bool {
        let (block, _) = self.locate(u);
        match &self.doc.blocks[block] {
            Block::Paragraph { kind, .. } => kind.kept_with_next(),
            Block::Table { .. } => false,
            _ => true,
        }
    }

    /// The blocks of units `start..end` as the template reads them: each marked with the number
    /// of its first unit, a table cut to the rows in the part and told how many rows it has in
    /// all (a short table is kept on one page).
    pub fn blocks_json(&self, start: usize, end: usize) -> serde_json::Result<serde_json::Value> {
        let (first, first_row) = self.locate(start);
        let (last, last_row) = self.locate(end - 1);
        let mut out = Vec::with_capacity(last + 1 - first);
        for i in first..=last {
            let block = &self.doc.blocks[i];
            let mut v = serde_json::to_value(block)?;
            let from = if i == first { first_row } else { 0 };
            if let Block::Table { rows, .. } = block {
                let to = if i == last { last_row + 1 } else { rows.len() };
                if let Some(serde_json::Value::Array(all)) = v.get_mut("rows")
                    && !rows.is_empty()
                {
                    *all = all.drain(from..to).collect();
                }
                v["rows_total"] = rows.len().into();
            }
            if self.marked(self.base[i] + from) {
                v["u"] = (self.base[i] + from).into();
            }
            out.push(v);
        }
        Ok(serde_json::Value::Array(out))
    }
}

/// The first row at or after `from` that no merged cell from a row above reaches into, or the
/// end of the rows: where a table may be cut.
pub(crate) fn first_clear_row(rows: &[Vec<Cell>], from: usize) -> usize {
    let mut reach = 0; // one past the last row a merged cell above covers
    for (r, row) in rows.iter().enumerate() {
        if r >= from && r >= reach {
            return r;
        }
        for c in row {
            reach = reach.max(r + c.rowspan.max(1));
        }
    }
    rows.len()
}

/// Where the markers of a part's units fell: the first unit starting on each page, and the page
/// each unit ends on (a row's start and end are on one page: rows are never split).
#[derive(Default, Debug)]
pub(crate) struct Marks {
    /// The page each unit ends on.
    end: HashMap<usize, usize>,
    /// The first unit starting on each page, if any.
    first_on_page: Vec<Option<usize>>,
}

impl Marks {
    /// Reads the markers from laid-out pages: a marker's value is twice its unit, plus one for
    /// an end.
    pub fn read(pages: &[typst_layout::Page]) -> Self {
        let mut m = Marks {
            first_on_page: vec![None; pages.len()],
            ..Marks::default()
        };
        for (p, page) in pages.iter().enumerate() {
            let mut values = Vec::new();
            collect(&page.frame, &mut values);
            for v in values {
                let u = (v / 2) as usize;
                if v % 2 == 0 {
                    m.end.entry(u).or_insert(p);
                    let first = &mut m.first_on_page[p];
                    *first = Some(first.map_or(u, |f| f.min(u)));
                } else {
                    m.end.insert(u, p);
                }
            }
        }
        m
    }

    /// The latest page of the part, after its first, that begins cleanly with a unit a part may
    /// start at: (page index, unit). The part keeps the pages before it.
    pub fn cut(&self, units: &Units, part_start: usize) -> Option<(usize, usize)> {
        (1..self.first_on_page.len()).rev().find_map(|q| {
            let u = self.first_on_page[q]?;
            let clean = u > part_start
                && units.may_start_at(u)
                && self.end.get(&(u - 1)).is_some_and(|&p| p < q);
            clean.then_some((q, u))
        })
    }
}

fn collect(frame: &typst::layout::Frame, out: &mut Vec<i64>) {
    use typst::foundations::Value;
    use typst::introspection::{MetadataElem, Tag};
    use typst::layout::FrameItem;
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => collect(&g.frame, out),
            FrameItem::Tag(Tag::Start(content, _)) => {
                if let Some(m) = content.to_packed::<MetadataElem>()
                    && let Value::Int(v) = m.value
                {
                    out.push(v);
                }
            }
            _ => {}
        }
    }
}
