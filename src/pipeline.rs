//! The pipeline as one call per command: load → check rules → build documents → render → write.

use std::path::Path;

use crate::data::submissions::Submission;
use crate::data::{self, Dossier};
use crate::diag::{Diagnostic, Severity};
use crate::doc::Document;
use crate::output::{Outcome, OutputSet};
use crate::review;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// The data has errors (exit status 1); when it could be read, what it is checked against.
    Data(Vec<Diagnostic>, Option<String>),
    /// Rendering or writing failed (exit status 2).
    Io(anyhow::Error),
    /// The command asked for something that does not exist (exit status 2).
    Usage(String),
}

/// What `build` writes.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Overwrite files edited by hand since the last build.
    pub force: bool,
    /// Only documents of this kind ("ke-hoach", "giay-moi").
    pub only: Option<String>,
    /// Only documents about this member (by id).
    pub member: Option<String>,
    /// Threads to render on (every core when `None`).
    pub jobs: Option<usize>,
}

/// Checks what `opts` asks for: an unknown kind or member is a usage error.
fn check_selection(d: &Dossier, opts: &BuildOptions) -> Result<(), Failure> {
    let kinds = review::of(d.regulation).kind_ids();
    if let Some(k) = &opts.only
        && !kinds.contains(&k.as_str())
    {
        let near = kinds
            .iter()
            .min_by_key(|c| strsim::levenshtein(c, k))
            .filter(|c| strsim::levenshtein(c, k) <= 2)
            .map_or(String::new(), |c| format!(" Có phải ý bạn là «{c}»?"));
        return Err(Failure::Usage(format!(
            "không có loại văn bản «{k}» theo {}; các loại: {}.{near}",
            d.regulation.cite,
            kinds.join(", ")
        )));
    }
    if let Some(m) = &opts.member
        && !d.members.iter().any(|x| &x.id == m)
    {
        let ids: Vec<&str> = d.members.iter().map(|x| x.id.as_str()).collect();
        return Err(Failure::Usage(format!(
            "không có đảng viên mã «{m}»; các mã: {}.",
            ids.join(", ")
        )));
    }
    Ok(())
}

/// The documents `opts` asks for, each built when it is rendered: kinds not asked for are not
/// built at all.
fn selected<'a>(d: &'a Dossier, opts: &'a BuildOptions) -> impl Iterator<Item = Document> + 'a {
    review::documents(d, opts.only.as_deref())
        .filter(|doc| opts.member.is_none() || doc.member == opts.member)
}

/// The data file's bytes, at most one byte more than the loader accepts: a 3 GB file or
/// `/dev/zero` is refused after reading 4 MiB, never read whole.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let io = |e: std::io::Error| {
        Failure::Io(anyhow::anyhow!(
            "không đọc được tệp dữ liệu {}: {}",
            path.display(),
            crate::messages::io_error(&e)
        ))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let limit = data::load::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// Data that passed every check, with the warnings it raised.
pub struct Checked {
    /// The data.
    pub dossier: Dossier,
    /// Warnings: printed, but the documents can be built.
    pub warnings: Vec<Diagnostic>,
}

/// The members' submissions sent from the web page for the data file at `path` (none when
/// its folder does not exist), and the errors of those that cannot be read.
pub fn submissions_of(path: &Path) -> (Vec<Submission>, Vec<Diagnostic>) {
    data::submissions::read_all(&data::submissions::folder_for(path))
}

/// Loads the data with the members' submissions and checks the review's rules: every error at
/// once (a submission that cannot be read is one), or the data and its warnings.
pub fn load_and_check(
    label: &str,
    bytes: &[u8],
    (subs, sub_errors): (Vec<Submission>, Vec<Diagnostic>),
) -> Result<Checked, Failure> {
    let dossier = data::load::load_bytes_with(label, bytes, subs).map_err(|mut e| {
        e.extend(sub_errors.iter().cloned());
        Failure::Data(e, None)
    })?;
    let mut diags = review::check(&dossier);
    data::submissions::attribute(&mut diags, &dossier.submitted);
    diags.extend(sub_errors);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(Failure::Data(diags, Some(applied(&dossier))));
    }
    Ok(Checked {
        dossier,
        warnings: diags,
    })
}

/// The regulation and the layout guides the data is checked and laid out by, in one line:
/// "Quy định: … (theo năm 2020). Thể thức: Hướng dẫn 36-HD/VPTW (…)."
pub fn applied(d: &Dossier) -> String {
    let reg = d.regulation;
    let why = if reg.years.0 <= d.year && d.year <= reg.years.1 {
        format!("theo năm {}", d.year)
    } else {
        "theo «quy_dinh»".to_string()
    };
    let mut guides: Vec<&'static crate::guide::Guide> = Vec::new();
    for doc in review::documents(d, None) {
        if !guides.contains(&doc.guide) {
            guides.push(doc.guide);
        }
    }
    guides.sort_by_key(|g| crate::guide::ALL.iter().position(|x| x.id == g.id));
    let from = crate::vn::date::short(crate::guide::hd05_from());
    let layout = match (d.guide, guides.as_slice()) {
        (Some(g), _) => format!("{} (theo «the_thuc»)", g.name),
        (None, [g]) if g.id == "hd36" => format!("{} (văn bản ghi ngày trước {from})", g.name),
        (None, [g]) => format!("{} (văn bản ghi ngày từ {from})", g.name),
        (None, _) => format!(
            "{} cho văn bản ghi ngày trước {from}, {} từ ngày đó",
            crate::guide::HD36.name,
            crate::guide::HD05.name
        ),
    };
    format!("Quy định: {} ({why}). Thể thức: {layout}.", reg.name)
}

/// Loads and checks a data file.
pub fn check(path: &Path) -> Result<Checked, Failure> {
    let bytes = read_input(path)?;
    load_and_check(&path.display().to_string(), &bytes, submissions_of(path))
}

/// What a build did.
pub struct Built {
    /// What happened to each file.
    pub outcomes: Vec<Outcome>,
    /// Warnings about the data.
    pub warnings: Vec<Diagnostic>,
    /// What the user should know about the output folder (an unreadable manifest).
    pub notes: Vec<String>,
}

/// Stack of each rendering thread: Typst's layout recurses deeply, and a thread waiting for
/// its own documents runs other cells' jobs on top of its stack (only touched pages are used).
const THREAD_STACK: usize = 64 * 1024 * 1024;

/// Runs `f` on a pool of `jobs` threads (every core when `None`).
pub fn with_jobs<T: Send>(
    jobs: Option<usize>,
    f: impl FnOnce() -> Result<T, Failure> + Send,
) -> Result<T, Failure> {
    let n = jobs.unwrap_or(0);
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .stack_size(THREAD_STACK)
        .build()
        .map_err(|e| Failure::Io(anyhow::anyhow!("không tạo được {n} luồng: {e}")))?
        .install(f)
}

/// Renders the documents `opts` asks for, each document's files written into `set` as soon as
/// they are rendered (memory holds only the documents in flight): on the threads of the current
/// pool when `parallel`, else one after another on this thread (the archive, whose cells are
/// already spread over the threads). Returns how many documents there were.
pub fn render_into(
    d: &Dossier,
    opts: &BuildOptions,
    set: &mut OutputSet,
    parallel: bool,
) -> Result<usize, Failure> {
    use rayon::iter::{ParallelBridge, ParallelIterator};
    let set = std::sync::Mutex::new(set);
    let count = std::sync::atomic::AtomicUsize::new(0);
    let one = |doc: Document| -> Result<(), Failure> {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        for r in crate::render::ALL {
            let rendered = r.render(&doc).map_err(|e| {
                Failure::Io(e.context(format!("không tạo được {}.{}", doc.path, r.extension())))
            })?;
            let rel = std::path::PathBuf::from(format!("{}.{}", doc.path, r.extension()));
            set.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .add(&rel, &rendered)
                .map_err(Failure::Io)?;
        }
        Ok(())
    };
    if parallel {
        selected(d, opts).par_bridge().try_for_each(one)?;
    } else {
        selected(d, opts).try_for_each(one)?;
    }
    Ok(count.into_inner())
}

/// Builds the documents of the data file `opts` asks for (all by default) into `out`; a file
/// edited by hand since the last build is kept unless `opts.force`.
pub fn build(path: &Path, out: &Path, opts: &BuildOptions) -> Result<Built, Failure> {
    let bytes = read_input(path)?;
    let label = path.display().to_string();
    let Checked { dossier, warnings } = load_and_check(&label, &bytes, submissions_of(path))?;
    check_selection(&dossier, opts)?;
    let (outcomes, notes, _) = with_jobs(opts.jobs, || {
        write_set(&dossier, &label, &bytes, out, opts, true)
    })?;
    Ok(Built {
        outcomes,
        warnings,
        notes,
    })
}

/// Renders checked data into `out` as one set, on the threads of the current pool: each file
/// written as soon as it is rendered into the new set beside the folder, which replaces the
/// folder only when every file is written. Returns what happened to each file, the notes, and
/// how many documents were built.
pub fn write_set(
    dossier: &Dossier,
    label: &str,
    bytes: &[u8],
    out: &Path,
    opts: &BuildOptions,
    parallel: bool,
) -> Result<(Vec<Outcome>, Vec<String>, usize), Failure> {
    let mut set = OutputSet::begin(out, label, bytes, opts.force).map_err(Failure::Io)?;
    let built = render_into(dossier, opts, &mut set, parallel)?;
    if built == 0 {
        // nothing to write: the set is dropped and the folder stays as it was
        return Err(Failure::Usage(
            "không có văn bản nào khớp với --only / --member đã chọn.".into(),
        ));
    }
    let whole = opts.only.is_none() && opts.member.is_none();
    let (outcomes, notes) = set.commit(whole).map_err(Failure::Io)?;
    Ok((outcomes, notes, built))
}
