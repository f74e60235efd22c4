//! Diagnostics as data: what is wrong, where (file, line, column, field path) and how to fix it.

use std::fmt;

/// How serious a diagnostic is: errors stop the build, warnings are printed and the build goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data cannot be turned into documents.
    Error,
    /// The documents can be built, but something looks wrong.
    Warning,
}

/// A position in the YAML file (1-based line and column; 0 when unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, as the user named it.
    pub file: String,
    /// Where in the file.
    pub pos: Pos,
    /// The field path, e.g. `ke_hoach.thoi_gian[1].tu`.
    pub path: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// What to do about it, in Vietnamese.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `pos` on field `path`.
    pub fn error(
        file: &str,
        pos: Pos,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            pos,
            path: path.into(),
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint saying how to fix it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        write!(f, "{}", self.file)?;
        if self.pos.line > 0 {
            write!(f, ":{}:{}", self.pos.line, self.pos.column)?;
        }
        write!(f, ": {kind}")?;
        if !self.path.is_empty() {
            write!(f, " [trường {}]", self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n    gợi ý: {h}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics like a compiler prints them: by file, then line, then column.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.file, a.pos, a.severity).cmp(&(&b.file, b.pos, b.severity)));
}

/// The terminal report: every diagnostic, then a count line.
pub fn report(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if !diags.is_empty() {
        out.push_str(&format!("{errors} lỗi, {warnings} cảnh báo.\n"));
    }
    out
}
