//! Where a sidecar lives, and reading and writing it safely.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::text::fnv1a64;

/// The environment variable that overrides the data folder (for tests and
/// for people who keep their notes somewhere special).
pub const DATA_DIR_ENV: &str = "GLOSS_DATA_DIR";

/// The sidecar file name suffix: `article.txt` → `article.txt.gloss.toml`.
pub const SUFFIX: &str = ".gloss.toml";

/// How the store finds its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// False for `--no-sidecar`: nothing is read or written.
    pub enabled: bool,
    /// The data folder for sidecars of stdin and of read-only folders; `None`
    /// when there is none (no home folder).
    pub data_dir: Option<PathBuf>,
}

impl Options {
    /// The usual options: the data folder is `$GLOSS_DATA_DIR`, else the
    /// platform's data folder (`~/.local/share/gloss` on Linux).
    pub fn new(no_sidecar: bool) -> Self {
        use etcetera::BaseStrategy;
        let data_dir = std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                etcetera::choose_base_strategy()
                    .ok()
                    .map(|s| s.data_dir().join("gloss"))
            });
        Self {
            enabled: !no_sidecar,
            data_dir,
        }
    }
}

/// Where the article came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file: the sidecar goes beside it.
    File(PathBuf),
    /// Standard input or built-in text: the sidecar goes to the data folder,
    /// named by the hash of the text.
    Unnamed,
    /// A web page (or a feed's item): the sidecar goes to the data folder,
    /// named by the hash of its URL, so it follows the page as it changes.
    Url(String),
}

impl Origin {
    /// The origin of a document whose `source` is a path, or `-` for stdin.
    pub fn from_source(source: &str) -> Self {
        if source == "-" {
            Self::Unnamed
        } else if is_url(source) {
            Self::Url(source.to_owned())
        } else {
            Self::File(PathBuf::from(source))
        }
    }
}

/// Where the sidecar for `text` from `origin` is written, and where it is
/// read from: `FILE.gloss.toml` beside a file in a writable folder; else the
/// data folder, by the hash of the text (for a read-only folder, a sidecar
/// beside the file is read until one exists in the data folder). `None`
/// for stdin with no data folder.
pub fn locate(origin: &Origin, text: &str, options: &Options) -> Option<(PathBuf, PathBuf)> {
    let data = options.data_dir.as_deref().map(|d| in_data_dir(d, text));
    match origin {
        Origin::File(file) => {
            let here = beside(file);
            match data {
                Some(data) if !writable_dir(folder(&here)) => {
                    let from = if data.exists() { data.clone() } else { here };
                    Some((data, from))
                }
                _ => Some((here.clone(), here)),
            }
        }
        Origin::Unnamed => data.map(|d| (d.clone(), d)),
        Origin::Url(url) => options.data_dir.as_deref().map(|d| {
            let path = d
                .join("sidecars")
                .join(format!("url-{:016x}{SUFFIX}", fnv1a64(url.as_bytes())));
            (path.clone(), path)
        }),
    }
}

/// True when `source` names a web page (`http://` or `https://`, any case)
/// rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = |n: usize| source.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

/// The sidecar beside `file`: its full name plus `.gloss.toml`.
pub fn beside(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// The sidecar for `text` in the data folder `data_dir`.
pub fn in_data_dir(data_dir: &Path, text: &str) -> PathBuf {
    data_dir
        .join("sidecars")
        .join(format!("{:016x}{SUFFIX}", fnv1a64(text.as_bytes())))
}

/// The folder holding `path` (`.` for a bare file name).
pub fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// True when a file can be created in `dir`. On unix the kernel is asked
/// (`access(2)` with `W_OK`, which also sees read-only mounts), a single
/// call that creates nothing, so opening many articles (`gloss annotate
/// DIR`) stays cheap; elsewhere a temporary file is tried.
pub fn writable_dir(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        tempfile::Builder::new()
            .prefix(".gloss-probe")
            .tempfile_in(dir)
            .is_ok()
    }
}

/// The file's bytes, or `None` when it does not exist (nor its folder).
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Bytes of the file name kept in a temporary file's name: with the dot,
/// the random part and `.tmp` it stays within the usual limit of 255
/// bytes, so that any name a file may have can be written atomically.
const TEMP_NAME_KEEP: usize = 200;

/// Prefix and suffix of the temporary files [`write_atomic`] makes for `path`.
fn temp_name(path: &Path) -> (String, &'static str) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut keep = name.len().min(TEMP_NAME_KEEP);
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    (format!(".{}.", &name[..keep]), ".tmp")
}

/// Most symbolic links followed by [`resolve`] (as Linux's `MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// The file that `path` names once symbolic links are followed: `path`
/// itself unless it is a link; a link's target, relative to the link's
/// folder, even when that target does not exist yet. Saving replaces the
/// target (the link stays a link), so locks and temporary files belong in
/// the target's folder.
pub fn resolve(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        path = folder(&path).join(target);
    }
    path
}

/// Removes temporary files of [`write_atomic`] for `path` older than `age`:
/// left behind by a gloss that was killed while saving. Younger ones may
/// belong to a save in progress and stay. Returns how many were removed.
pub fn remove_stale_temps(path: &Path, age: std::time::Duration) -> usize {
    let (prefix, suffix) = temp_name(path);
    let Ok(entries) = std::fs::read_dir(folder(path)) else {
        return 0;
    };
    let stale = |e: &std::fs::DirEntry| {
        let name = e.file_name().to_string_lossy().into_owned();
        name.starts_with(&prefix)
            && name.ends_with(suffix)
            && e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|d| d >= age))
    };
    entries
        .filter_map(Result::ok)
        .filter(stale)
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// An exclusive lock on the folder of a sidecar, held while the file is
/// read, merged and replaced, so that two glosses saving at once never
/// overwrite each other's notes. Released when dropped, and by the system
/// when the process dies.
#[derive(Debug)]
pub struct FolderLock {
    /// The locked folder, when locking is possible there.
    #[cfg(unix)]
    _held: Option<std::fs::File>,
}

/// How often, and how long apart, a busy lock is tried before giving up.
#[cfg(unix)]
const LOCK_TRIES: u32 = 200;
#[cfg(unix)]
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(10);

/// Locks the folder of `path` (creating it if needed). Fails only when
/// another program holds the lock for long (about two seconds); where
/// folders cannot be locked (some network file systems), goes on unlocked.
pub fn lock_folder(path: &Path) -> io::Result<FolderLock> {
    let dir = folder(path);
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        let Ok(file) = std::fs::File::open(dir) else {
            return Ok(FolderLock { _held: None });
        };
        for _ in 0..LOCK_TRIES {
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => return Ok(FolderLock { _held: Some(file) }),
                Err(e) if e == rustix::io::Errno::WOULDBLOCK => std::thread::sleep(LOCK_WAIT),
                Err(_) => return Ok(FolderLock { _held: None }),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "another program keeps saving in this folder",
        ))
    }
    #[cfg(not(unix))]
    Ok(FolderLock {})
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder
/// is written, flushed and synced, then renamed to `path`. Readers see the
/// old file or the new one, never a mix, even if gloss is killed. An
/// existing file is replaced only when `replace`; otherwise that is an
/// `AlreadyExists` error and the file is left as it is.
///
/// A path that is not a regular file (`/dev/null`, `/dev/stdout`, a pipe) is
/// written in place, since renaming over it would replace the device; a
/// symbolic link is kept and its target replaced. A read-only file (no
/// write permission bits, as `chmod 444` leaves it) is never replaced,
/// whoever runs gloss: that is a `PermissionDenied` error. A missing folder
/// is not created: that is a `NotFound` error naming the folder. Errors
/// never name the temporary file, which the caller's user never sees.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    write_atomic_with(path, replace, |w| w.write_all(bytes))
}

/// [`write_atomic`] for content that `fill` writes piece by piece (a large
/// export is streamed rather than held whole in memory). When `fill` fails,
/// the temporary file is removed and a regular file at `path` is left as it
/// was (a device or pipe, written in place, may have taken part of it).
pub fn write_atomic_with(
    path: &Path,
    replace: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(_) if !replace => {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, "exists"));
        }
        Ok(m) if !m.is_file() => {
            let mut out = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
            fill(&mut out)?;
            return out.flush();
        }
        Ok(m) if m.permissions().readonly() => {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only; not replaced",
            ));
        }
        _ => {}
    }
    let path = resolve(path);
    let path = path.as_path();
    let dir = folder(path);
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("no folder {}", dir.display()),
        ));
    }
    let (prefix, suffix) = temp_name(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .tempfile_in(dir)
        .map_err(without_temp_path)?;
    {
        let mut out = io::BufWriter::new(&mut tmp);
        fill(&mut out)?;
        out.flush()?;
    }
    // Keep the old file's permissions; a new one gets the usual 0644, not
    // the temporary file's 0600.
    let perms = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = perms {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.as_file().sync_all()?;
    if replace {
        tmp.persist(path).map_err(|e| without_temp_path(e.error))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| without_temp_path(e.error))?;
    }
    // Make the rename itself durable; not every platform can sync a folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `e` without the temporary file's name that `tempfile` puts in its
/// messages: the operating system's error alone, else its kind.
fn without_temp_path(e: io::Error) -> io::Error {
    let os = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|s| s.downcast_ref::<io::Error>())
        .and_then(io::Error::raw_os_error)
        .or_else(|| e.raw_os_error());
    match os {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::from(e.kind()),
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// The files gloss has open for an article (the article, its sidecar, a
/// brat file given with `--annotations`): never the target of an export.
/// Compared by identity, not by name: on unix the device and inode (so a
/// symbolic or hard link to the article is caught), elsewhere the resolved
/// path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenFiles(Vec<PathBuf>);

impl OpenFiles {
    /// Adds `path` (a file that may not exist yet, such as a sidecar
    /// before its first save).
    pub fn add(&mut self, path: impl Into<PathBuf>) {
        self.0.push(path.into());
    }

    /// The open file that `target` is, by identity, if it is one.
    pub fn find(&self, target: &Path) -> Option<&Path> {
        let id = identity(target)?;
        self.0
            .iter()
            .find(|p| identity(p).is_some_and(|o| o == id))
            .map(PathBuf::as_path)
    }

    /// `Ok` when `target` may be written; else an error saying which open
    /// file it is.
    pub fn check(&self, target: &Path) -> io::Result<()> {
        match self.find(target) {
            None => Ok(()),
            Some(open) => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "is {}, which gloss has open; choose another name",
                    open.display()
                ),
            )),
        }
    }

    /// Writes an export to `path` as [`write_atomic_with`] does, after
    /// [`OpenFiles::check`]: every export gloss writes goes through here.
    pub fn write(
        &self,
        path: &Path,
        replace: bool,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        self.check(path)?;
        write_atomic_with(path, replace, fill)
    }
}

/// What makes a file itself: its device and inode on unix, its resolved
/// path elsewhere; `None` when it does not exist.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}
