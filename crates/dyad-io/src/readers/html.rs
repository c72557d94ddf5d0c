//! HTML: one web page, one document (its main content).
//!
//! # Why `trafilatura`
//!
//! Three main-content extractors on crates.io were measured on the 85 English
//! news pages of `../shared/corpus/html/fundus` (token-level bag-of-words F1
//! of the extracted body against the expected body, lower-cased word tokens;
//! micro = pooled over all pages, macro = mean of the per-page F1s):
//!
//! | crate | micro F1 | macro F1 | pages < 0.5 | 85 pages, release | clean debug build |
//! |---|---|---|---|---|---|
//! | `trafilatura` 0.6, `enable_fallback` (chosen) | **0.947** | **0.951** | 0 | 1.5 s | 34 s |
//! | `trafilatura` 0.6, default options | 0.936 | 0.937 | 2 | 0.8 s | (same) |
//! | `rs-trafilatura` 0.2.2 (its best option set is no better) | 0.938 | 0.918 | 4 | 66 s | 31 s |
//! | `dom_smoothie` 0.19 (readability.js port), formatted text | 0.900 | 0.915 | 2 | 4.6 s in debug | 15 s |
//!
//! `rs-trafilatura` tops the published benchmark, but on these pages it is
//! less accurate than `trafilatura` with its readability fallback, it spent
//! 50 s (release build) on one page (TheMirror), which a reader of large WARC
//! files cannot afford, and debug builds of it print `DEBUG:` lines to stderr
//! on every page. `dom_smoothie` builds fastest but is clearly less accurate.
//! `trafilatura`'s plain-text output joins paragraphs with single spaces, so
//! the text is rebuilt here from its cleaned HTML, one paragraph per block.
//! The crate's own date prefers `dateModified`; the publication date is read
//! here from the page's metadata first.

use std::io::Read;
use std::path::PathBuf;

use dyad_core::document::content_id;
use dyad_core::{Document, PartialDate};
use trafilatura::dom::{Document as Dom, NodeId};

use super::{ReadOptions, binary_marker, parse_date, read_whole};
use crate::error::{Location, ReadError};
use crate::readers::text::source_name;

/// Reads one HTML page as one document: its main content as text, with title,
/// publication date, canonical URL and language from the page's metadata.
///
/// The page's bytes are decoded per the HTML rules (byte-order mark, then
/// `<meta charset>`, else UTF-8 when valid, else Windows-1252), so non-UTF-8
/// pages read fine. Errors: an empty page, binary data, a page larger than
/// [`ReadOptions::max_document_bytes`], a page nested deeper than
/// [`ReadOptions::max_html_depth`] (see [`check_depth`]), a page without main
/// content.
pub struct HtmlReader<R> {
    input: Option<R>,
    path: PathBuf,
    max_bytes: usize,
    max_depth: usize,
}

impl<R: Read> HtmlReader<R> {
    /// A reader of `input`, which came from `path` (`-` for standard input).
    pub fn new(input: R, path: impl Into<PathBuf>, options: &ReadOptions) -> Self {
        HtmlReader {
            input: Some(input),
            path: path.into(),
            max_bytes: options.max_document_bytes,
            max_depth: options.max_html_depth,
        }
    }

    fn read(&self, input: R) -> Result<Document, ReadError> {
        let err = |loc, msg: String| ReadError::new(&self.path, loc, msg);
        let bytes = read_whole(input, self.max_bytes, &self.path)?;
        if bytes.trim_ascii().is_empty() {
            return Err(err(Location::None, "empty file".into()));
        }
        if encoding_rs::Encoding::for_bom(&bytes).is_none()
            && let Some(at) = binary_marker(&bytes)
        {
            return Err(err(
                Location::Byte(at as u64),
                "binary data (a NUL byte), not HTML".into(),
            ));
        }
        check_depth(&bytes, self.max_depth).map_err(|m| err(Location::None, m))?;
        let page = extract_page(&bytes, None).map_err(|m| err(Location::None, m))?;
        Ok(page.into_document(Some(source_name(&self.path))))
    }
}

impl<R: Read> Iterator for HtmlReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let input = self.input.take()?;
        Some(self.read(input))
    }
}

/// What one page yields: its main text and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The main content as text: one paragraph per block, blocks separated by a
    /// blank line.
    pub text: String,
    /// The headline (`og:title`, JSON-LD `headline`, `twitter:title`, else the
    /// extractor's pick from `<title>` and `<h1>`).
    pub title: Option<String>,
    /// The publication date (`article:published_time` and kin, JSON-LD
    /// `datePublished`, `<time itemprop=datePublished>`, else the extractor's
    /// date, which may be a modification date or one read from the URL).
    pub published: Option<PartialDate>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`).
    pub url: Option<String>,
    /// The two-letter language code the page names (`<html lang>`,
    /// `<meta http-equiv=content-language>`, `og:locale`); never a guess.
    pub language: Option<String>,
}

impl Page {
    /// The page as a document with a content id.
    pub fn into_document(self, source: Option<String>) -> Document {
        Document {
            id: content_id(&self.text),
            title: self.title,
            url: self.url,
            published: self.published,
            source,
            text: self.text,
            language: self.language,
        }
    }
}

/// Extracts the main content and metadata of an HTML page given as bytes.
/// `charset` is the encoding named by an HTTP `Content-Type` header, if any
/// (a byte-order mark overrides it; it overrides `<meta charset>`).
///
/// Fails, with a message, when the page has no main content.
pub fn extract_page(bytes: &[u8], charset: Option<&str>) -> Result<Page, String> {
    let html = decode_html(bytes, charset);
    let dom = Dom::parse(&html);
    drop(html);
    let meta = PageMeta::read(&dom);
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true);
    let result = trafilatura::extract_document(dom, &options).map_err(|e| match e {
        trafilatura::TrafilaturaError::InsufficientContent { .. } => {
            "no main content found".to_string()
        }
        e => format!("no main content found ({e})"),
    })?;
    let mut text = drop_boilerplate(&html_to_text(&result.content_html));
    if text.trim().is_empty() {
        text = result.content_text.trim().to_string();
    }
    if let Some(standfirst) = meta.standfirst
        && !text.is_empty()
        && !word_key(&text).contains(&word_key(&standfirst))
    {
        text = format!("{}\n\n{text}", standfirst.trim());
    }
    if text.is_empty() {
        return Err("no main content found".to_string());
    }
    let m = result.metadata;
    let nonempty = |s: String| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    Ok(Page {
        text,
        title: meta.title.or_else(|| nonempty(m.title)),
        published: meta.published.or_else(|| m.date.map(PartialDate::from)),
        url: meta.url.or_else(|| nonempty(m.url)),
        // Only a language the page names: the extractor's own guess (`whatlang`
        // unchecked) would pre-empt a WARC `Content-Language` and the checked
        // detection of `crate::language`.
        language: meta.language,
    })
}

/// The words of `s`, lower-cased, one space apart: text compared whatever its
/// markup, spacing and punctuation.
fn word_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The [`word_key`] of every line of the page's body text (each block, each
/// `<br>` line): where a standfirst is looked for, so that a description
/// written for search engines only is not taken for one.
fn body_blocks(dom: &Dom) -> std::collections::HashSet<String> {
    let Some(body) = dom.body() else {
        return Default::default();
    };
    let mut b = TextBuilder {
        out: String::new(),
        pending: Sep::None,
    };
    walk(dom, body, &mut b, false, 0);
    b.out.split('\n').map(word_key).collect()
}

/// Elements whose end tag may be left out (or that have none): they are not
/// counted as nesting, since pages often leave them open.
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"body",
    b"br",
    b"caption",
    b"col",
    b"colgroup",
    b"dd",
    b"dt",
    b"embed",
    b"head",
    b"hr",
    b"html",
    b"img",
    b"input",
    b"li",
    b"link",
    b"meta",
    b"option",
    b"optgroup",
    b"p",
    b"param",
    b"rp",
    b"rt",
    b"source",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
    b"track",
    b"wbr",
];

/// Refuses a page whose elements nest deeper than `limit`, before it is
/// parsed: the HTML parser's and the extractor's time grows with the square
/// of the depth and their stacks with the depth (100,000 nested `<div>`s took
/// two minutes and then overflowed the stack).
///
/// One linear scan of the bytes: start tags add one and end tags take one
/// away, except for void elements, self-closing tags and elements whose end
/// tag may be omitted; comments, `<script>` and `<style>` are skipped.
pub fn check_depth(html: &[u8], limit: usize) -> Result<(), String> {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &html[i..]) {
        let at = i + lt;
        let rest = &html[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(&rest[3..], b"-->").map_or(html.len(), |e| at + 4 + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let end = memchr(b'>', rest).map_or(html.len(), |e| at + 1 + e);
        i = (end + 1).min(html.len());
        if name.is_empty() || !name[0].is_ascii_alphabetic() {
            continue;
        }
        if closing {
            if !NOT_NESTING.contains(&name.as_slice()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if name == b"script" || name == b"style" {
            let close: &[u8] = if name == b"script" {
                b"</script"
            } else {
                b"</style"
            };
            let lower_find = html[i..]
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close));
            i = lower_find.map_or(html.len(), |e| i + e);
            continue;
        }
        let self_closing = end > at && html[end - 1] == b'/';
        if self_closing || NOT_NESTING.contains(&name.as_slice()) {
            continue;
        }
        depth += 1;
        if depth > limit {
            return Err(format!(
                "HTML nested deeper than {limit} elements at byte {at} (the --max-html-depth limit); skipped"
            ));
        }
    }
    Ok(())
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Decodes an HTML page: byte-order mark, then the HTTP charset, then a
/// `<meta>` charset in the first 4 KiB, else UTF-8 when the bytes are valid
/// UTF-8, else Windows-1252 (the web's default). Malformed sequences become
/// U+FFFD, as in browsers.
fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    let encoding = match declared {
        // A page that calls itself UTF-16 but has no byte-order mark is not:
        // the HTML standard reads it as UTF-8.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    // `decode` lets a byte-order mark override the encoding and strips it.
    encoding.decode(bytes).0.into_owned()
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv=Content-Type
/// content="...; charset=...">` in the first 4 KiB of a page names.
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = tag[c + 7..].trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(e) = encoding_rs::Encoding::for_label(&rest[..len]) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Decodes the character references that JSON-LD and `<meta>` values often
/// carry escaped a second time (`&#8217;`, `&quot;`, `&amp;`...), and collapses
/// white space.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Bytes, not a `str` slice: byte 12 may fall inside a character.
        let end = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(n)?
            } else {
                match name {
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    "lt" => '<',
                    "gt" => '>',
                    "nbsp" => ' ',
                    "ndash" => '\u{2013}',
                    "mdash" => '\u{2014}',
                    "lsquo" => '\u{2018}',
                    "rsquo" => '\u{2019}',
                    "ldquo" => '\u{201c}',
                    "rdquo" => '\u{201d}',
                    "hellip" => '\u{2026}',
                    _ => return None,
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops a trailing site name from a title: `"Talks resume - Lesotho Times"`
/// with the site `Lesotho Times` gives `"Talks resume"`. Only a last segment
/// after ` | `, ` - `, ` – `, ` — ` or ` * ` that contains one of the site's
/// names (or, 6 letters or more, is part of one) goes.
fn strip_site_name<'a>(title: &'a str, sites: &[&str]) -> &'a str {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let sites: Vec<String> = sites
        .iter()
        .map(|s| squash(s))
        .filter(|s| s.len() >= 3)
        .collect();
    let mut title = title;
    for _ in 0..3 {
        let cut = [" | ", " - ", " \u{2013} ", " \u{2014} ", " * "]
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|i| (i, i + sep.len())))
            .max();
        let Some((head_end, tail_start)) = cut else {
            break;
        };
        let tail = squash(&title[tail_start..]);
        let is_site = !tail.is_empty()
            && sites.iter().any(|s| {
                tail.contains(s.as_str()) || (tail.len() >= 6 && s.contains(tail.as_str()))
            });
        if !is_site || head_end == 0 {
            break;
        }
        title = title[..head_end].trim_end();
    }
    title
}

/// `en` from `en`, `en-GB`, `en_US`, `EN`; `None` for anything else.
pub(crate) fn language_code(s: &str) -> Option<String> {
    let code = s.trim().split(['-', '_']).next()?;
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| code.to_ascii_lowercase())
}

/// Metadata read from the page's `<meta>`, `<link>` and JSON-LD.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    published: Option<PartialDate>,
    url: Option<String>,
    language: Option<String>,
    /// The page's description when it is also a paragraph of the page's body:
    /// the standfirst (the summary under the headline), which pages set
    /// outside the story's container, where the extractor does not look.
    standfirst: Option<String>,
}

/// `<meta>` names and properties that hold a publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
];

impl PageMeta {
    fn read(dom: &Dom) -> PageMeta {
        let root = dom.root();
        // (key, content) for every <meta>, keys lower-cased.
        let metas: Vec<(String, String)> = dom
            .get_elements_by_tag_name(root, "meta")
            .into_iter()
            .filter_map(|id| {
                let key = ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .find_map(|a| dom.get_attribute(id, a))?;
                let content = dom.get_attribute(id, "content")?;
                let content = content.trim();
                (!content.is_empty())
                    .then(|| (key.trim().to_ascii_lowercase(), content.to_string()))
            })
            .collect();
        let meta = |key: &str| {
            metas
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let ld = JsonLd::read(dom);

        let title = ld
            .headline
            .or_else(|| meta("og:title").map(str::to_string))
            .or_else(|| meta("twitter:title").map(str::to_string));
        let site_names: Vec<&str> = ["og:site_name", "application-name"]
            .iter()
            .filter_map(|k| meta(k))
            .collect();
        let title = title
            .map(|t| decode_entities(&t))
            .map(|t| strip_site_name(&t, &site_names).to_string());

        let mut published = DATE_KEYS
            .iter()
            .filter_map(|k| meta(k))
            .find_map(parse_date);
        if published.is_none() {
            published = ld.date_published.as_deref().and_then(parse_date);
        }
        if published.is_none() {
            published = dom
                .query_selector_all(root, "time[itemprop=datePublished], time[pubdate]")
                .into_iter()
                .filter_map(|id| dom.get_attribute(id, "datetime"))
                .find_map(|d| parse_date(&d));
        }

        let url = dom
            .query_selector_all(root, "link[rel=canonical]")
            .into_iter()
            .filter_map(|id| dom.get_attribute(id, "href"))
            .map(|u| u.trim().to_string())
            .find(|u| u.starts_with("http://") || u.starts_with("https://"))
            .or_else(|| meta("og:url").map(str::to_string));

        let language = dom
            .get_elements_by_tag_name(root, "html")
            .first()
            .and_then(|&id| dom.get_attribute(id, "lang"))
            .and_then(|l| language_code(&l))
            .or_else(|| meta("content-language").and_then(language_code))
            .or_else(|| meta("og:locale").and_then(language_code));

        let descriptions: Vec<String> = ["og:description", "description", "twitter:description"]
            .iter()
            .filter_map(|k| meta(k))
            .map(decode_entities)
            .filter(|d| word_key(d).split(' ').count() >= 6)
            .collect();
        let standfirst = if descriptions.is_empty() {
            None
        } else {
            let blocks = body_blocks(dom);
            descriptions
                .into_iter()
                .find(|d| blocks.contains(&word_key(d)))
        };

        PageMeta {
            title,
            published,
            url,
            language,
            standfirst,
        }
    }
}

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
}

impl JsonLd {
    fn read(dom: &Dom) -> JsonLd {
        let mut out = JsonLd::default();
        for id in dom.scripts_with_type(&["application/ld+json"]) {
            let text = dom.text_content(id);
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) {
                out.visit(&value, 0);
            }
            if out.headline.is_some() && out.date_published.is_some() {
                break;
            }
        }
        out
    }

    /// Takes the first `headline` and `datePublished` of an article-like
    /// object (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`...), in
    /// document order, looking into arrays and `@graph`.
    fn visit(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.visit(i, depth + 1)),
            Value::Object(map) => {
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => is_article_type(t),
                    Some(Value::Array(ts)) => {
                        ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                    }
                    _ => false,
                };
                if is_article {
                    let string = |k: &str| {
                        map.get(k)
                            .and_then(Value::as_str)
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                    };
                    if self.headline.is_none() {
                        self.headline = string("headline");
                    }
                    if self.date_published.is_none() {
                        self.date_published = string("datePublished");
                    }
                }
                if let Some(graph) = map.get("@graph") {
                    self.visit(graph, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting" | "WebPage")
}

/// Block elements: each starts a new paragraph in the text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "main",
    "aside",
    "address",
    "details",
    "summary",
    "hr",
    "head",
    "title",
    "list",
    "item",
    "quote",
    "code",
];

/// Separators between text runs, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    Line,
    Paragraph,
}

struct TextBuilder {
    out: String,
    pending: Sep,
}

impl TextBuilder {
    fn sep(&mut self, s: Sep) {
        self.pending = self.pending.max(s);
    }

    fn push(&mut self, run: &str, pre: bool) {
        if pre {
            if run.is_empty() {
                return;
            }
            self.flush();
            self.out.push_str(run);
            return;
        }
        if run.starts_with(char::is_whitespace) {
            self.sep(Sep::Space);
        }
        let mut words = run.split_whitespace().peekable();
        if words.peek().is_none() {
            return;
        }
        self.flush();
        let mut first = true;
        for w in words {
            if !first {
                self.out.push(' ');
            }
            self.out.push_str(w);
            first = false;
        }
        if run.ends_with(char::is_whitespace) {
            self.sep(Sep::Space);
        }
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Sep::None => {}
                Sep::Space => self.out.push(' '),
                Sep::Line => self.out.push('\n'),
                Sep::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Sep::None;
    }
}

/// The text of the extractor's cleaned HTML: one paragraph per block element,
/// blocks separated by a blank line, `<br>` as a line break, white space
/// collapsed (kept as is inside `<pre>`).
/// Paragraphs that are the page's furniture, not the story, once the extractor
/// has kept them: cookie-consent panels, advert labels, newsletter and
/// subscription boxes, comment-form headings, "requires JavaScript" notices.
/// WordPress shortcodes (`[button link="..."]`, `[/caption]`) are removed from
/// the paragraphs that stay.
fn drop_boilerplate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for para in text.split("\n\n") {
        let para = strip_shortcodes(para);
        let para = para.trim();
        if para.is_empty() || is_boilerplate(para) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(para);
    }
    out
}

/// Whole paragraphs that are labels, never text.
const LABELS: &[&str] = &[
    "ad",
    "advert",
    "advertisement",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "cancel reply",
    "comments are closed.",
    "comments are closed",
    "join the conversation",
    "privacy overview",
    "this slideshow requires javascript.",
    "this slideshow requires javascript",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up now",
];

fn is_boilerplate(para: &str) -> bool {
    if para.len() > 600 {
        return false;
    }
    let lower = para.to_lowercase();
    let lower = lower.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '-');
    if LABELS.contains(&lower) {
        return true;
    }
    let has = |w: &str| lower.contains(w);
    let cookies = has("cookie")
        && (has("we use")
            || has("this website uses")
            || has("this site uses")
            || has("consent")
            || has("accept")
            || has("necessary")
            || has("browsing experience")
            || has("opt-out")
            || has("privacy overview"));
    let newsletter = lower.len() < 300
        && (has("newsletter")
            || ((has("sign up") || has("subscribe"))
                && (has("inbox") || has("email") || has("updates") || has("free"))))
        && !has(" said");
    let comment_form = has("your email address will not be published")
        || has("required fields are marked")
        || has("you must be logged in to post a comment");
    let javascript = has("requires javascript") || has("enable javascript");
    cookies || newsletter || comment_form || javascript || is_caption(lower)
}

/// Picture credits and captions the extractor keeps beside the story: a short
/// paragraph that is a credit (`Photo: AFP`, `Image by ...`), a video label
/// (`WATCH | ...`), or one that ends with a picture agency's credit
/// (`... (Getty Images)`).
fn is_caption(lower: &str) -> bool {
    const CREDIT_STARTS: &[&str] = &[
        "photo:",
        "photos:",
        "photo by ",
        "photo credit",
        "photograph:",
        "image:",
        "images:",
        "image by ",
        "image credit",
        "picture:",
        "pictures:",
        "credit:",
        "file photo",
        "watch |",
        "listen |",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "shutterstock",
        "alamy",
        "ap photo",
        "afp via getty",
        "pa wire",
        "pa images",
        "photo",
        "image",
    ];
    if lower.len() > 300 {
        return false;
    }
    let credit_start = lower.len() < 150 && CREDIT_STARTS.iter().any(|p| lower.starts_with(p));
    // `(Getty Images)`, `(AP Photo/Jane Doe)` at the very end of a short paragraph.
    let credit_end = lower.ends_with(')')
        && lower.rfind('(').is_some_and(|open| {
            let credit = &lower[open..];
            credit.len() < 60 && AGENCIES.iter().any(|a| credit.contains(a))
        });
    credit_start || credit_end
}

/// Removes WordPress shortcodes: `[name ...]` and `[/name]`, `name` a word in
/// lower case (so `[1]`, `[sic]`-like insertions with capitals or digits stay).
fn strip_shortcodes(para: &str) -> std::borrow::Cow<'_, str> {
    if !para.contains('[') {
        return std::borrow::Cow::Borrowed(para);
    }
    let mut out = String::with_capacity(para.len());
    let mut rest = para;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_start = usize::from(after.starts_with('/'));
        let name_len = after[name_start..]
            .bytes()
            .position(|b| !(b.is_ascii_lowercase() || b == b'_' || b == b'-'))
            .unwrap_or(after.len() - name_start);
        let close = after.find(']');
        let known = matches!(
            &after[name_start..name_start + name_len],
            "button"
                | "caption"
                | "gallery"
                | "embed"
                | "video"
                | "audio"
                | "playlist"
                | "vc_row"
                | "vc_column"
                | "vc_column_text"
                | "et_pb_section"
                | "et_pb_text"
                | "shortcode"
                | "su_button"
                | "su_note"
                | "contact-form-7"
                | "wpforms"
                | "mc4wp_form"
                | "related"
                | "ad"
                | "adsense"
                | "newsletter"
        );
        match close {
            Some(c) if known && name_len > 0 && c < 500 => rest = &after[c + 1..],
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn html_to_text(html: &str) -> String {
    let dom = Dom::parse(html);
    let Some(body) = dom.body() else {
        return String::new();
    };
    let mut b = TextBuilder {
        out: String::new(),
        pending: Sep::None,
    };
    walk(&dom, body, &mut b, false, 0);
    b.out
}

fn walk(dom: &Dom, id: NodeId, b: &mut TextBuilder, pre: bool, depth: usize) {
    if depth > 400 {
        return;
    }
    let tag = dom.tag_name(id).to_ascii_lowercase();
    if matches!(tag.as_str(), "script" | "style" | "noscript" | "template") {
        return;
    }
    let block = BLOCKS.contains(&tag.as_str());
    let pre = pre || tag == "pre";
    match tag.as_str() {
        "br" => b.sep(Sep::Line),
        "td" | "th" => b.sep(Sep::Space),
        _ if block => b.sep(Sep::Paragraph),
        _ => {}
    }
    b.push(&dom.text(id), pre);
    for child in dom.children(id) {
        walk(dom, child, b, pre, depth + 1);
        b.push(&dom.tail(child), pre);
    }
    if block {
        b.sep(Sep::Paragraph);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::DEFAULT_MAX_HTML_DEPTH;

    /// A page as crawled: a story among the furniture a news site adds (all
    /// written for this test).
    const CRAWLED: &str = r#"<html lang="en"><head><title>Ministers meet in Geneva</title></head><body>
<div class="cookie-banner"><h3>Privacy Overview</h3><p>This website uses cookies to improve your experience while you navigate through the website. Necessary cookies are always enabled.</p><button>Accept</button></div>
<article>
<h1>Ministers meet in Geneva</h1>
<p>The foreign ministers of Kenya and Ethiopia met in Geneva on Monday and agreed to reopen three border crossings, officials said after the talks.</p>
<p>Advert</p>
<p>The crossings were closed last year after clashes between herders, and trade between the two countries fell by half, according to figures from both governments.</p>
<p>[button link="https://example.org/subscribe" color="red"]Read more[/button] The agreement will be signed in Nairobi next month, the Kenyan ministry said.</p>
<div class="newsletter"><p>Sign up to our free daily newsletter and get the top stories in your inbox.</p></div>
<p>This slideshow requires JavaScript.</p>
<p>Both ministers said they hoped the deal would end a dispute that has lasted more than a decade, and that further talks on grazing rights would follow.</p>
</article>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>
</body></html>"#;

    #[test]
    fn crawled_page_furniture_is_dropped() {
        let page = extract_page(CRAWLED.as_bytes(), None).unwrap();
        let t = &page.text;
        assert!(t.contains("met in Geneva on Monday"), "{t}");
        assert!(t.contains("The agreement will be signed in Nairobi"), "{t}");
        assert!(t.contains("further talks on grazing rights"), "{t}");
        for furniture in [
            "Privacy Overview",
            "cookies",
            "Advert",
            "[button",
            "[/button]",
            "newsletter",
            "slideshow",
            "Leave a Reply",
            "will not be published",
        ] {
            assert!(!t.contains(furniture), "{furniture:?} kept in:\n{t}");
        }
    }

    /// Three paragraphs of a story (written for these tests).
    const STORY: &str = "<p>The foreign ministers of Kenya and Ethiopia met in Geneva on Monday and agreed to reopen three border crossings, officials said after the talks.</p><p>The crossings were closed last year after clashes between herders, and trade between the two countries fell by half, according to both governments.</p><p>Both ministers said they hoped the deal would end a dispute that has lasted more than a decade, and that further talks on grazing rights would follow.</p>";

    #[test]
    fn the_standfirst_outside_the_story_is_its_first_paragraph() {
        let summary = "Kenya and Ethiopia agree to reopen three border crossings closed since last year&#8217;s clashes";
        let page = |description: &str, header: &str| {
            format!(
                r#"<html><head><title>Ministers meet</title><meta name="description" content="{description}"></head><body><header><h1>Ministers meet in Geneva</h1>{header}<span class="byline">By A Reporter</span></header><div class="share"><a>Share</a></div><article>{STORY}</article></body></html>"#
            )
        };
        let p = extract_page(
            page(summary, &format!("<p class=standfirst>{summary}</p>")).as_bytes(),
            None,
        )
        .unwrap();
        assert!(
            p.text.starts_with(
                "Kenya and Ethiopia agree to reopen three border crossings closed since last year\u{2019}s clashes\n\nThe foreign ministers"
            ),
            "{}",
            p.text
        );
        // A description that the page does not show is no standfirst.
        let p = extract_page(page(summary, "").as_bytes(), None).unwrap();
        assert!(p.text.starts_with("The foreign ministers"), "{}", p.text);
        // One that the story already holds is not repeated.
        let first = "The foreign ministers of Kenya and Ethiopia met in Geneva on Monday and agreed to reopen three border crossings, officials said after the talks.";
        let p = extract_page(page(first, "").as_bytes(), None).unwrap();
        assert_eq!(
            p.text.matches("The foreign ministers").count(),
            1,
            "{}",
            p.text
        );
    }

    #[test]
    fn captions_and_credits_are_dropped() {
        let page = format!(
            r#"<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet in Geneva</h1><figure><img src="a.jpg"><figcaption>The two ministers shake hands in Geneva on Monday.</figcaption></figure>{STORY}<div class="photo"><div><img src="b.jpg"></div><h2>Herders water their cattle at a well near the border last year.</h2><p>Photo: Staff photographer</p></div><p>Herders water their cattle near the border town of Moyale in a picture taken last year. (Getty Images)</p><p>WATCH | The ministers speak after the talks:</p><p>The talks will continue next month in Nairobi, the Kenyan ministry said, and a joint border commission will meet in the same week.</p></article></body></html>"#
        );
        let t = extract_page(page.as_bytes(), None).unwrap().text;
        assert!(t.contains("further talks on grazing rights"), "{t}");
        assert!(t.contains("joint border commission"), "{t}");
        for caption in ["shake hands", "Photo:", "Getty", "WATCH"] {
            assert!(!t.contains(caption), "{caption:?} kept in:\n{t}");
        }
        // Credits only where they stand alone or close a short paragraph.
        assert!(!is_caption("the photo: a man and a dog."));
        assert!(!is_caption(
            "the agency said the image (first released on monday) was genuine, and that it would publish more in the coming days."
        ));
    }

    #[test]
    fn story_text_in_tables_is_kept() {
        // An old-style page laid out with a table, and a story that goes on in
        // a table of its own.
        let layout = format!(
            r#"<html><head><title>Talks</title></head><body><div id="nav"><a href="/">Home</a></div><table width="100%"><tr><td class="side"><a href="/a">Sports</a></td><td class="main"><h1>Ministers meet in Geneva</h1>{STORY}</td></tr></table><div class="footer">Copyright</div></body></html>"#
        );
        let t = extract_page(layout.as_bytes(), None).unwrap().text;
        assert!(t.contains("met in Geneva on Monday"), "{t}");
        assert!(t.contains("further talks on grazing rights"), "{t}");
        let inner = format!(
            r#"<html><head><title>Talks</title></head><body><article><h1>Ministers meet in Geneva</h1>{STORY}<table><tr><td>Ethiopia's trade minister said the first crossing at Moyale would open within a week, and that customs officers from both sides would work together there.</td></tr><tr><td>The second and third crossings would follow by the end of the year, subject to a survey of the roads.</td></tr></table><p>The talks will continue next month in Nairobi, the Kenyan ministry said.</p></article></body></html>"#
        );
        let t = extract_page(inner.as_bytes(), None).unwrap().text;
        assert!(t.contains("customs officers from both sides"), "{t}");
        assert!(t.contains("subject to a survey of the roads"), "{t}");
        assert!(t.contains("continue next month in Nairobi"), "{t}");
    }

    #[test]
    fn boilerplate_classes_spare_story_text() {
        assert!(is_boilerplate("ADVERTISEMENT"));
        assert!(is_boilerplate(
            "We use cookies to give you the best browsing experience."
        ));
        assert!(is_boilerplate("Subscribe to our newsletter"));
        // A story about cookies, or one that quotes a subscription, stays.
        assert!(!is_boilerplate(
            "The European Commission fined the company for placing tracking cookies without asking."
        ));
        assert!(!is_boilerplate(
            "Readers who subscribe for free updates by email will get alerts, the minister said."
        ));
        assert_eq!(
            strip_shortcodes("[caption id=\"a\"]Photo[/caption] text"),
            "Photo text"
        );
        assert_eq!(
            strip_shortcodes("He said [sic] that [1] it was so."),
            "He said [sic] that [1] it was so."
        );
        assert_eq!(strip_shortcodes("unclosed [button"), "unclosed [button");
    }

    #[test]
    fn text_keeps_paragraphs() {
        let t = html_to_text(
            "<h1>Title here</h1><p>One <b>bold</b>\n  word.</p><ul><li>a</li><li>b<br>c</li></ul><p>Tail</p>",
        );
        assert_eq!(t, "Title here\n\nOne bold word.\n\na\n\nb\nc\n\nTail");
    }

    #[test]
    fn charsets() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(latin, None).contains("café"));
        let http_equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>\xc4\xe0";
        assert!(decode_html(http_equiv, None).ends_with("Да"));
        assert!(decode_html("<p>café</p>".as_bytes(), None).contains("café"));
        assert!(decode_html(b"<p>caf\xe9</p>", None).contains("café"));
        assert!(decode_html(b"<p>caf\xe9</p>", Some("latin1")).contains("café"));
        assert_eq!(language_code("en-GB").as_deref(), Some("en"));
        assert_eq!(language_code("english"), None);
        // A `&` before multi-byte characters (a byte cut at 12 split one).
        assert_eq!(decode_entities("R&éééééé;"), "R&éééééé;");
        assert_eq!(
            decode_entities("Kohberger&#8217;s &quot;x&quot; &amp;&bogus; a&#x41;"),
            "Kohberger\u{2019}s \"x\" &&bogus; aA"
        );
        assert_eq!(
            strip_site_name("Talks resume - Lesotho Times", &["Lesotho Times"]),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name("A | B | The Gateway Pundit | by C", &["The Gateway Pundit"]),
            "A | B | The Gateway Pundit | by C"
        );
        assert_eq!(strip_site_name("Then - now", &["Now Times"]), "Then - now");
    }

    #[test]
    fn metadata_and_content() {
        let body = "<p>The foreign minister met her counterpart in Geneva on Monday to discuss the ceasefire, officials said.</p>".repeat(6);
        let page = format!(
            r#"<html lang="en-US"><head><title>Site | Talks</title>
            <meta property="og:title" content="Talks in Geneva">
            <link rel="canonical" href="https://example.com/a">
            <script type="application/ld+json">{{"@graph": [{{"@type": "NewsArticle", "datePublished": "2024-05-02T10:00:00+02:00", "dateModified": "2024-06-01"}}]}}</script>
            </head><body><nav><a href="/">Home</a></nav><article><h1>Talks in Geneva</h1>{body}</article></body></html>"#
        );
        let p = extract_page(page.as_bytes(), None).unwrap();
        assert_eq!(p.title.as_deref(), Some("Talks in Geneva"));
        assert_eq!(p.published.unwrap().to_string(), "2024-05-02");
        assert_eq!(p.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(p.language.as_deref(), Some("en"));
        assert!(p.text.contains("counterpart in Geneva"), "{}", p.text);
        assert!(!p.text.contains("Home"));
        assert!(extract_page(b"<html><body></body></html>", None).is_err());
    }

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<p>Russia condemned Ukraine on Monday after the talks in Geneva failed, officials said.</p><p>The ministers left the city without an agreement, and no new date for talks was set by either side.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn nesting_depth_is_limited_before_parsing() {
        assert!(check_depth(nested(10).as_bytes(), 10).is_ok());
        let e = check_depth(nested(11).as_bytes(), 10).unwrap_err();
        assert!(
            e.contains("nested deeper than 10") && e.contains("byte 62"),
            "{e}"
        );
        // Void, self-closing and optional-end elements, comments and scripts do
        // not count.
        let flat = "<p>a<p>b<br><img src=x><li>c<div/><!-- <div><div> --><script>if (a<b) { x = '<div><div>'; }</script><style>div<div{}</style>".repeat(50);
        assert!(check_depth(flat.as_bytes(), 3).is_ok());
        // 100,000 nested divs: refused at once, not parsed for minutes.
        let page = nested(100_000);
        let options = ReadOptions::default();
        let items: Vec<_> = HtmlReader::new(page.as_bytes(), "deep.html", &options).collect();
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(
            e.starts_with("deep.html: HTML nested deeper than 512"),
            "{e}"
        );
    }

    #[test]
    fn a_page_just_under_the_depth_limit_is_read() {
        // On a test thread's 2 MiB stack, in a debug build: the limit leaves room
        // (the extractor may find no main content that deep, but nothing breaks).
        let options = ReadOptions::default();
        let page = nested(DEFAULT_MAX_HTML_DEPTH - 10);
        let items: Vec<_> = HtmlReader::new(page.as_bytes(), "deep.html", &options).collect();
        assert_eq!(items.len(), 1);
        if let Err(e) = &items[0] {
            assert_eq!(e.message, "no main content found");
        }
        let page = nested(60);
        let items: Vec<_> = HtmlReader::new(page.as_bytes(), "deep.html", &options).collect();
        let doc = items[0].as_ref().expect("read");
        assert!(
            doc.text.contains("Russia condemned Ukraine"),
            "{}",
            doc.text
        );
    }
}
