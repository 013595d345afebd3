//! Servers that answer too much: an answer larger than 8 MB is refused as it streams (with or
//! without a `Content-Length`), so a hostile or broken server never fills the memory.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use qrdesk_core::{ApiSecret, Credential, ErrorKind, ProviderKind};
use qrdesk_providers::{connect, ProviderConfig};

use crate::support::fast_http;

/// A loopback server answering every request with `body_mb` MB of JSON-looking bytes, declaring
/// the length or not (chunked).
fn flood(body_mb: usize, declare_length: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let mut out = stream;
            let chunk = vec![b' '; 1 << 20];
            let head = if declare_length {
                format!("content-length: {}\r\n", body_mb << 20)
            } else {
                "transfer-encoding: chunked\r\n".to_string()
            };
            let _ = write!(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n{head}\r\n");
            for _ in 0..body_mb {
                let sent = if declare_length {
                    out.write_all(&chunk)
                } else {
                    write!(out, "{:x}\r\n", chunk.len())
                        .and_then(|_| out.write_all(&chunk))
                        .and_then(|_| out.write_all(b"\r\n"))
                };
                if sent.is_err() {
                    break; // the client stopped reading: what the test wants
                }
            }
            if !declare_length {
                let _ = out.write_all(b"0\r\n\r\n");
            }
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn an_answer_larger_than_8_mb_is_refused_while_it_streams() {
    for declare_length in [true, false] {
        let credential = Credential::Key(ApiSecret::new("qrcp_live_FLOODTEST0000000000000001"));
        let mut config = ProviderConfig::new(ProviderKind::QrCodePro, credential)
            .with_base_url(flood(12, declare_length));
        config.http = fast_http();
        config.http.max_retries = 0;
        let provider = connect(config).expect("adapter");
        let err = provider.list_page(None, 10).await.expect_err("refused");
        assert_eq!(err.kind, ErrorKind::MalformedResponse, "{}", err.message);
        assert!(err.message.contains("larger than 8 MB"), "{}", err.message);
    }
}
