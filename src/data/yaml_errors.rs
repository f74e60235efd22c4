//! Turns the YAML parser's errors into Vietnamese diagnostics with the field path.

use serde_saphyr::{DefaultMessageFormatter, Error, MessageFormatter};

use crate::diag::{Diagnostic, Pos};

/// Describes in Vietnamese what serde expected or found ("a string", "i32", "a sequence"…).
fn kind_vi(what: &str) -> String {
    let w = what.to_lowercase();
    let s = if w.contains("string") || w.contains("char") || w.contains("str ") {
        "một đoạn chữ"
    } else if w.contains("sequence") || w.contains("seq") {
        "một danh sách (mỗi mục một dòng bắt đầu bằng «- »)"
    } else if w.contains("map") || w.contains("struct") {
        "một nhóm trường dạng «khóa: giá trị»"
    } else if w.contains("i8")
        || w.contains("i16")
        || w.contains("i32")
        || w.contains("i64")
        || w.contains("u8")
        || w.contains("u16")
        || w.contains("u32")
        || w.contains("u64")
        || w.contains("integer")
    {
        "một số nguyên"
    } else if w.contains("f32") || w.contains("f64") || w.contains("float") {
        "một số"
    } else if w.contains("bool") {
        "giá trị đúng/sai"
    } else if w.contains("unit") || w.contains("null") || w.contains("none") {
        "giá trị rỗng"
    } else {
        return format!("«{what}»");
    };
    s.to_string()
}

/// The original error behind alias and snippet wrappers.
fn unwrap(mut err: &Error) -> &Error {
    loop {
        match err {
            Error::AliasError { error, .. } | Error::WithSnippet { error, .. } => err = error,
            _ => return err,
        }
    }
}

/// The closest allowed key to a mistyped one, when it is close enough to be a typo.
pub fn did_you_mean<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (strsim::damerau_levenshtein(typed, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min()
        .map(|(_, a)| a)
}

/// Whether serde reported a missing field (located at the end of the mapping).
pub fn is_missing_field(err: &Error) -> bool {
    matches!(unwrap(err), Error::SerdeMissingField { .. })
}

/// The YAML parser's messages (English) in Vietnamese, by the phrase they contain.
const PARSER_PHRASES: &[(&str, &str)] = &[
    (
        "found a tab",
        "có ký tự tab; YAML chỉ cho thụt lề bằng dấu cách",
    ),
    (
        "mapping values are not allowed",
        "dấu hai chấm đặt sai chỗ: nội dung có «: » phải đặt trong dấu nháy, hoặc thụt lề sai",
    ),
    (
        "trailing content after",
        "có chữ thừa sau đoạn trong dấu nháy",
    ),
    (
        "did not find expected key",
        "thụt lề không khớp với các dòng xung quanh, hoặc thiếu khóa",
    ),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    (
        "illegal placement of ':'",
        "dấu hai chấm đặt sai chỗ: nội dung có «: » phải đặt trong dấu nháy",
    ),
    (
        "unclosed bracket '{'",
        "thiếu dấu đóng «}» cho nhóm mở bằng «{»",
    ),
    (
        "unclosed bracket '['",
        "thiếu dấu đóng «]» cho danh sách mở bằng «[»",
    ),
    (
        "unclosed quote",
        "thiếu dấu nháy đóng cho đoạn mở bằng dấu nháy",
    ),
    (
        "mismatched bracket",
        "dấu ngoặc đóng không khớp với dấu mở («{» đóng bằng «}», «[» đóng bằng «]»)",
    ),
    ("misplaced bracket", "dấu ngoặc đóng «}» hoặc «]» thừa"),
    ("tab", "có ký tự tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("unclosed", "thiếu dấu đóng (nháy hoặc ngoặc)"),
    (
        "end of stream",
        "tệp kết thúc khi còn dấu nháy hoặc ngoặc chưa đóng",
    ),
    (
        "did not find expected node content",
        "thiếu giá trị, hoặc có ký tự đặc biệt ở đầu giá trị (cần đặt trong dấu nháy)",
    ),
    (
        "did not find expected ',' or ']'",
        "thiếu dấu đóng «]» cho danh sách mở bằng «[»",
    ),
    (
        "did not find expected ',' or '}'",
        "thiếu dấu đóng «}» cho nhóm mở bằng «{»",
    ),
    (
        "block sequence entries are not allowed",
        "dòng «- » đặt sai chỗ (thụt lề sai)",
    ),
    ("invalid indentation", "thụt lề sai"),
    (
        "unknown escape",
        "ký tự thoát «\\» không hợp lệ trong dấu nháy kép; dùng dấu nháy đơn",
    ),
];

fn parser_message_vi(msg: &str) -> String {
    match PARSER_PHRASES.iter().find(|(en, _)| msg.contains(en)) {
        Some((_, vi)) => format!("lỗi cú pháp YAML: {vi}."),
        // never the parser's English: the hint says what to look at
        None => "lỗi cú pháp YAML: nội dung ở đây không đúng cú pháp.".to_string(),
    }
}

/// The character at `line`, `column` (both from 1) of `text`.
fn char_at(text: &str, line: u64, column: u64) -> Option<char> {
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    l.chars().nth(usize::try_from(column).ok()?.checked_sub(1)?)
}

/// One diagnostic for a parse or type error at `path` (the path serde was at).
pub fn to_diagnostic(file: &str, path: &str, err: &Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos {
            line: l.line(),
            column: l.column(),
        })
        .unwrap_or_default();
    let inner = unwrap(err);
    // serde_path_to_error writes "?" for a step it could not name (a syntax error mid-map), and
    // "value" is the inner field of the span wrapper, not a key of the file.
    let path = path
        .split('.')
        .filter(|s| *s != "?" && *s != "value")
        .collect::<Vec<_>>()
        .join(".");
    let path = path.trim_matches('.');
    let (message, hint): (String, Option<String>) = match inner {
        Error::SerdeUnknownField { field, expected, .. } => {
            let hint = match did_you_mean(field, expected) {
                Some(s) => format!("có phải ý bạn là «{s}»? Các trường được phép ở đây: {}.", expected.join(", ")),
                None => format!("các trường được phép ở đây: {}.", expected.join(", ")),
            };
            (format!("trường «{field}» không có trong mẫu dữ liệu."), Some(hint))
        }
        Error::SerdeMissingField { field, .. } => (
            format!("thiếu trường bắt buộc «{field}»."),
            Some(format!("thêm dòng «{field}: …» vào đây.")),
        ),
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            let hint = match did_you_mean(variant, expected) {
                Some(s) => format!("có phải ý bạn là «{s}»? Chọn một trong: {}.", expected.join(", ")),
                None => format!("chọn một trong: {}.", expected.join(", ")),
            };
            (format!("giá trị «{variant}» không hợp lệ."), Some(hint))
        }
        Error::SerdeInvalidType { unexpected, expected, .. }
        | Error::SerdeInvalidValue { unexpected, expected, .. } => (
            format!("giá trị sai kiểu: cần {}, nhưng ở đây là {}.", kind_vi(expected), kind_vi(unexpected)),
            None,
        ),
        Error::InvalidScalar { ty, .. } => (format!("giá trị không đọc được thành {}.", kind_vi(ty)), None),
        Error::NullIntoString { .. } => (
            "trường này để trống nhưng cần có nội dung.".to_string(),
            Some("viết nội dung sau dấu hai chấm, hoặc xóa cả dòng nếu trường không bắt buộc.".into()),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            format!("khóa «{}» được viết hai lần.", key.as_deref().unwrap_or("?")),
            Some("xóa một trong hai dòng.".into()),
        ),
        Error::Eof { .. } => ("tệp kết thúc khi dữ liệu chưa đầy đủ (tệp trống?).".into(), None),
        Error::MultipleDocuments { .. } => (
            "tệp có nhiều tài liệu YAML (ngăn cách bởi «---»); chỉ được có một.".into(),
            None,
        ),
        Error::Budget { .. } | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. } | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => (
            "tệp quá lớn hoặc lồng quá sâu (có thể do bí danh «*» lặp lại) nên bị từ chối.".into(),
            Some("viết dữ liệu trực tiếp, không dùng neo «&» và bí danh «*» lồng nhau.".into()),
        ),
        Error::UnknownAnchor { .. } => ("bí danh «*…» chỉ tới một neo «&…» không tồn tại.".into(), None),
        Error::ExternalMessage { msg, .. } => (
            parser_message_vi(msg),
            Some("kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau mỗi khóa, và dấu nháy đóng mở đủ cặp.".into()),
        ),
        Error::Unexpected { expected, .. } => (format!("giá trị sai kiểu: cần {}.", kind_vi(expected)), None),
        // the parser's own messages, named in Vietnamese by what they say
        other => (
            parser_message_vi(&DefaultMessageFormatter.format_message(other)),
            Some("kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau mỗi khóa, và dấu nháy, dấu ngoặc đóng mở đủ cặp.".into()),
        ),
    };
    let mut d = Diagnostic::error(file, pos, path, message);
    d.hint = hint;
    d
}

/// YAML text → `T`, a failure as one located diagnostic naming `file`, the field's path, line
/// and column (a missing field at the start of its mapping, not at its end where serde sees it).
pub fn from_str<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    let mut path = String::new();
    serde_saphyr::with_deserializer_from_str_with_options(
        text,
        serde_saphyr::Options::default(),
        |de| {
            serde_path_to_error::deserialize(de).map_err(|e| {
                path = e.path().to_string();
                e.into_inner()
            })
        },
    )
    .map_err(|e| {
        // a type error can be the symptom of a syntax error (an unclosed «{» makes a value a
        // mapping): the text is read once more for its syntax alone, and that cause is named
        if !matches!(unwrap(&e), Error::ExternalMessage { .. })
            && let Err(syntax) = serde_saphyr::from_str::<serde::de::IgnoredAny>(text)
            && syntax.location().is_some()
            && !matches!(
                unwrap(&syntax),
                Error::Budget { .. } | Error::MultipleDocuments { .. }
            )
        {
            let mut d = to_diagnostic(file, &path, &syntax);
            // the value that went wrong starts where the bracket opened: point there, and say
            // where the parser noticed
            if let Some(at) = e.location()
                && (at.line(), at.column()) < (d.pos.line, d.pos.column)
            {
                // an opening bracket or quote whose closing never came is the cause, whatever
                // the parser tripped on further down
                let cause = match char_at(text, at.line(), at.column()) {
                    Some('{') => "lỗi cú pháp YAML: thiếu dấu đóng «}» cho nhóm mở bằng «{»".into(),
                    Some('[') => {
                        "lỗi cú pháp YAML: thiếu dấu đóng «]» cho danh sách mở bằng «[»".into()
                    }
                    Some('"' | '\'') => {
                        "lỗi cú pháp YAML: thiếu dấu nháy đóng cho đoạn mở bằng dấu nháy".into()
                    }
                    _ => d.message.trim_end_matches('.').to_string(),
                };
                d.message = format!(
                    "{cause} (phát hiện ở dòng {}, cột {}).",
                    d.pos.line, d.pos.column
                );
                d.pos = Pos {
                    line: at.line(),
                    column: at.column(),
                };
            }
            return d;
        }
        let mut d = to_diagnostic(file, &path, &e);
        if is_missing_field(&e)
            && let Some(p) = super::locate::locate(text, &d.path)
        {
            d.pos = p;
        }
        d
    })
}
