//! hoso: the paperwork of a Party cell's annual review, from one YAML file, as .docx and PDF laid
//! out per Hướng dẫn 36-HD/VPTW or 05-HD/VPTW, under the regulation of the review's year. The
//! pipeline: load → check → build documents → render → write.
#![warn(missing_docs)]

pub mod archive;
pub mod data;
pub mod diag;
pub mod doc;
pub mod documents;
pub mod fonts;
pub mod guide;
pub mod import;
pub mod messages;
pub mod next_year;
pub mod output;
pub mod pipeline;
pub mod regulation;
pub mod render;
pub mod review;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod starter;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod vn;
pub mod watch;
