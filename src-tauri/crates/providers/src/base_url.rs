//! The base-URL rule (docs/providers/README.md, 'Base URL'): a base URL is `https://`, or plain
//! `http://` only for a loopback host (127.0.0.0/8, `::1`, `localhost`). Checked when an adapter
//! is built, so a refused URL never sees a connection, let alone a key.

use std::net::IpAddr;

use reqwest::Url;

use qrdesk_core::AppError;

/// Checks and normalises a base URL (no trailing slash). The error is a `bad_input` that says why.
pub fn check_base_url(raw: &str) -> Result<Url, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(AppError::bad_input("The service address (base URL) is empty"));
    }
    let mut url = Url::parse(raw).map_err(|e| {
        AppError::bad_input(format!("The service address \"{raw}\" is not a valid URL ({e})"))
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AppError::bad_input(
            "The service address must not contain a user name or password; keys are entered separately",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(AppError::bad_input(format!(
            "The service address \"{}\" must not contain '?' or '#' parts",
            shown(&url)
        )));
    }
    let host = url.host_str().unwrap_or_default().to_string();
    if host.is_empty() {
        return Err(AppError::bad_input(format!("The service address \"{raw}\" has no host name")));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(&host) => {}
        "http" => return Err(plain_http_refused(&url)),
        other => {
            return Err(AppError::bad_input(format!(
                "The service address must start with https:// (it starts with \"{other}:\")"
            )))
        }
    }
    let trimmed = url.path().trim_end_matches('/').to_string();
    url.set_path(&trimmed);
    Ok(url)
}

/// 127.0.0.0/8, `::1` (also `[::1]`) and `localhost` (any case, optional trailing dot).
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h.trim_end_matches('.').eq_ignore_ascii_case("localhost") {
        return true;
    }
    match h.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => a.octets()[0] == 127,
        Ok(IpAddr::V6(a)) => a.is_loopback(),
        Err(_) => false,
    }
}

/// For a plain `http://` URL whose host is the *name* `localhost` (any case, trailing dot): the
/// name and the loopback addresses it must connect to, so the client never resolves it (an
/// `/etc/hosts` without the entry, or a DNS answer, could send it elsewhere). `None` for any
/// other URL (IP literals connect where they say; https is verified by its certificate).
pub fn pinned_loopback(url: &Url) -> Option<(String, Vec<std::net::SocketAddr>)> {
    let host = url.host_str()?;
    if url.scheme() != "http" || host.parse::<IpAddr>().is_ok() || host.starts_with('[') {
        return None;
    }
    if !host.trim_end_matches('.').eq_ignore_ascii_case("localhost") {
        return None;
    }
    let port = url.port_or_known_default().unwrap_or(80);
    let v4 = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let v6 = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, port));
    Some((host.to_string(), vec![v4, v6]))
}

fn plain_http_refused(url: &Url) -> AppError {
    AppError::bad_input(format!(
        "The service address \"{}\" uses plain http:// to a host that is not this computer. Keys \
         are only sent over https:// (plain http:// is allowed for 127.0.0.1, ::1 and localhost \
         only); change the address to https://",
        shown(url)
    ))
}

fn shown(url: &Url) -> String {
    format!("{}://{}{}", url.scheme(), url.host_str().unwrap_or(""), url.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrdesk_core::ErrorKind;

    #[test]
    fn localhost_by_name_is_pinned_to_loopback_addresses() {
        for raw in ["http://localhost:8080/api", "http://LOCALHOST.:8080", "http://localhost."] {
            let url = check_base_url(raw).unwrap();
            let (host, addrs) = pinned_loopback(&url).unwrap_or_else(|| panic!("{raw}"));
            assert!(host.trim_end_matches('.').eq_ignore_ascii_case("localhost"));
            assert!(addrs.iter().all(|a| a.ip().is_loopback()), "{raw}: {addrs:?}");
        }
        for raw in
            ["http://127.0.0.1:9/x", "http://[::1]:9", "https://localhost", "https://a.example"]
        {
            assert!(pinned_loopback(&check_base_url(raw).unwrap()).is_none(), "{raw}");
        }
    }

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        for ok in [
            "https://api.qrcodepro.io",
            "https://api.qrcodepro.io/",
            "http://127.0.0.1:8080/qrcodepro",
            "http://127.255.0.9",
            "http://[::1]:9000",
            "http://localhost:3000",
            "http://LOCALHOST",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok} refused");
        }
        for bad in [
            "http://api.qrcodepro.io",
            "http://10.0.0.1",
            "http://128.0.0.1",
            "http://localhost.evil.com",
            "http://[::2]",
            "ftp://127.0.0.1",
            "https://user:pw@api.qrcodepro.io",
            "https://api.qrcodepro.io/?x=1",
            "not a url",
            "",
        ] {
            let e = check_base_url(bad).expect_err(bad);
            assert_eq!(e.kind, ErrorKind::BadInput, "{bad}");
            assert!(!e.message.contains("pw@"), "{}", e.message);
        }
        let e = check_base_url("http://example.com").unwrap_err();
        assert!(e.message.contains("plain http://"), "{}", e.message);
    }

    #[test]
    fn trailing_slash_is_trimmed() {
        let u = check_base_url("https://h.example/api/v1/").unwrap();
        assert_eq!(u.as_str(), "https://h.example/api/v1");
    }
}
