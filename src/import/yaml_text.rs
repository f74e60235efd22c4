//! The member list of a data file as text: where each member's entry is and which of its keys
//! are on which line, so that an import changes only the lines it means to (the rest of the
//! file, comments included, stays byte for byte).

/// One member's entry (`- ma: …` and the lines under it).
#[derive(Clone, Debug)]
pub struct Entry {
    /// The line (from 0) of its `- `.
    pub start: usize,
    /// The line after its last line of content.
    pub end: usize,
    /// Its keys at the entry's own level, each with its line.
    pub keys: Vec<(String, usize)>,
}

impl Entry {
    /// The line of `key`, if the entry has it.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, l)| *l)
    }
}

/// The member list: its entries and how they are indented.
#[derive(Clone, Debug)]
pub struct List {
    /// The line of `dang_vien:`, if the file has one.
    pub key_line: Option<usize>,
    /// Whether it reads `dang_vien: []` (no member yet).
    pub empty_flow: bool,
    /// The entries, top to bottom.
    pub entries: Vec<Entry>,
    /// The indentation of an entry's `-`.
    pub dash: usize,
    /// The indentation of an entry's keys.
    pub indent: usize,
    /// The line new entries go before (after the list's last line of content).
    pub insert_at: usize,
}

/// The file's lines, each with its line ending.
pub fn lines(text: &str) -> Vec<String> {
    text.split_inclusive('\n').map(str::to_string).collect()
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// A key at the start of `s` («ho_ten: …» → «ho_ten»).
fn key_at(s: &str) -> Option<&str> {
    let (k, _) = s.split_once(':')?;
    (!k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
    .then_some(k)
}

/// The member list of the file whose lines are `ls`; a message when it is written in a way
/// this edit cannot follow (a list in brackets).
pub fn list(ls: &[String]) -> Result<List, String> {
    let key_line = ls.iter().position(|l| l.starts_with("dang_vien:"));
    let Some(k) = key_line else {
        return Ok(List {
            key_line: None,
            empty_flow: false,
            entries: Vec::new(),
            dash: 2,
            indent: 4,
            insert_at: ls.len(),
        });
    };
    let rest = strip_comment(&ls[k]["dang_vien:".len()..])
        .trim()
        .to_string();
    if rest == "[]" {
        return Ok(List {
            key_line,
            empty_flow: true,
            entries: Vec::new(),
            dash: 2,
            indent: 4,
            insert_at: k + 1,
        });
    }
    if !rest.is_empty() {
        return Err(format!(
            "dòng {}: danh sách «dang_vien» viết trên một dòng; hoso nhap cần mỗi đảng viên một mục «- ma: …» trên các dòng dưới «dang_vien:».",
            k + 1
        ));
    }
    // the list runs until the next line of content at the file's top level
    let mut end = k + 1;
    let mut last_content = k;
    while end < ls.len() {
        let l = &ls[end];
        if is_content(l) {
            if indent_of(l) == 0 && !l.starts_with("- ") && !l.starts_with('-') {
                break;
            }
            last_content = end;
        }
        end += 1;
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut dash = None;
    let mut indent = 4;
    for (i, l) in ls.iter().enumerate().take(last_content + 1).skip(k + 1) {
        if !is_content(l) {
            continue;
        }
        let ind = indent_of(l);
        let t = l.trim_start();
        if t.starts_with("- ") && dash.is_none_or(|d| d == ind) {
            if dash.is_none() {
                dash = Some(ind);
                indent = ind + 2 + (t[2..].len() - t[2..].trim_start().len());
            }
            if let Some(e) = entries.last_mut() {
                e.end = i;
            }
            let after = t[2..].trim_start();
            if after.starts_with('{') {
                return Err(format!(
                    "dòng {}: đảng viên viết dạng {{ … }} trên một dòng; hoso nhap cần mỗi trường một dòng.",
                    i + 1
                ));
            }
            let keys = key_at(after)
                .map(|k| (k.to_string(), i))
                .into_iter()
                .collect();
            entries.push(Entry {
                start: i,
                end: i + 1,
                keys,
            });
        } else if let Some(e) = entries.last_mut() {
            if ind == indent
                && let Some(key) = key_at(t)
            {
                e.keys.push((key.to_string(), i));
            }
            e.end = i + 1;
        }
    }
    Ok(List {
        key_line,
        empty_flow: false,
        entries,
        dash: dash.unwrap_or(2),
        indent,
        insert_at: last_content + 1,
    })
}

/// `s` up to a comment (« #» outside quotes).
fn strip_comment(s: &str) -> &str {
    let mut quote = None;
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'#') if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' => {
                return &s[..i];
            }
            _ => {}
        }
    }
    s
}

/// The scalar on a key's line, unquoted («ho_ten: "Lê Thị Ly" # …» → «Lê Thị Ly»).
pub fn value_on(line: &str) -> Option<String> {
    let (_, v) = line.trim_start().trim_start_matches("- ").split_once(':')?;
    let v = strip_comment(v).trim();
    if let Some(inner) = v.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return Some(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return Some(inner.replace("''", "'"));
    }
    Some(v.to_string())
}

/// `line` with its key's value replaced by `value`, its comment kept; `None` when the value
/// is not on the line (a block below the key).
pub fn with_value(line: &str, value: &str) -> Option<String> {
    let colon = line.find(':')?;
    let (head, rest) = line.split_at(colon + 1);
    let ending = if rest.ends_with("\r\n") {
        "\r\n"
    } else if rest.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    let body = &rest[..rest.len() - ending.len()];
    let v = strip_comment(body);
    let comment = &body[v.len()..];
    let t = v.trim();
    if t.is_empty() || t.starts_with('|') || t.starts_with('>') || t.starts_with('&') {
        return None;
    }
    // keep the spaces before a comment as they were, so the comments stay aligned if they fit
    let gap = v.len() - v.trim_end().len();
    let gap = if comment.is_empty() { 0 } else { gap.max(1) };
    Some(format!(
        "{head} {}{}{comment}{ending}",
        scalar(value),
        " ".repeat(gap)
    ))
}

/// `s` as a YAML scalar: plain when it reads back as the same text, else double-quoted.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        )
        && s.parse::<f64>().is_err();
    if plain {
        s.to_string()
    } else {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "nam: 2026\n# các đảng viên\ndang_vien:\n  - ma: ly   # bí thư\n    ho_ten: Lê Thị Ly\n    kiem_diem:\n      uu_diem: [a]\n\n  - ma: nam\n    ho_ten: \"Nguyễn Văn Nam\"\n# sau danh sách\nchi_bo:\n  ten: X\n";

    #[test]
    fn entries_and_their_keys_are_found() {
        let ls = lines(FILE);
        let l = list(&ls).unwrap();
        assert_eq!(l.key_line, Some(2));
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.dash, 2);
        assert_eq!(l.indent, 4);
        assert_eq!(l.entries[0].line_of("ma"), Some(3));
        assert_eq!(l.entries[0].line_of("kiem_diem"), Some(5));
        assert_eq!(l.entries[0].line_of("uu_diem"), None);
        assert_eq!(l.entries[1].start, 8);
        assert_eq!(l.insert_at, 10);
        assert_eq!(value_on(&ls[3]).unwrap(), "ly");
        assert_eq!(value_on(&ls[9]).unwrap(), "Nguyễn Văn Nam");
    }

    #[test]
    fn a_value_is_replaced_and_its_comment_kept() {
        assert_eq!(
            with_value("  - ma: ly   # bí thư\n", "ly2").unwrap(),
            "  - ma: ly2   # bí thư\n"
        );
        assert_eq!(
            with_value("    don_vi: A\r\n", "Trường: B").unwrap(),
            "    don_vi: \"Trường: B\"\r\n"
        );
        assert_eq!(with_value("    kiem_diem:\n", "x"), None);
    }

    #[test]
    fn scalars_read_back_as_written() {
        for s in [
            "Lê Thị Ly",
            "12/03/1984",
            "Trường: B",
            "- gạch",
            "true",
            "2020",
            "a #b",
            "\"q\"",
        ] {
            let yaml = format!("k: {}\n", scalar(s));
            let v: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap();
            assert_eq!(v["k"], s, "{yaml}");
        }
    }
}
