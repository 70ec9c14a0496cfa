//! A web server on 127.0.0.1 for the tests of URLs and feeds: each path
//! answers with a status, headers and a body; a path that is not listed
//! answers 404. It serves until the test ends.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// What a path answers.
#[derive(Clone)]
pub enum Reply {
    /// A status, headers and a body.
    Page(u16, Vec<(String, String)>, Vec<u8>),
    /// Nothing, ever (for timeouts).
    Silence,
}

/// A page with this content type.
pub fn page(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Page(
        200,
        vec![("Content-Type".into(), content_type.into())],
        body.into(),
    )
}

/// A redirect to `to`.
pub fn redirect(to: &str) -> Reply {
    Reply::Page(301, vec![("Location".into(), to.into())], Vec::new())
}

/// A server answering `routes`; its base URL is [`Server::url`].
pub struct Server {
    base: String,
}

impl Server {
    /// Starts serving `routes` on a free port of 127.0.0.1.
    pub fn start(routes: Vec<(&str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let routes: Arc<HashMap<String, Reply>> =
            Arc::new(routes.into_iter().map(|(p, r)| (p.to_owned(), r)).collect());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                std::thread::spawn(move || serve(stream, &routes));
            }
        });
        Self { base }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn serve(mut stream: TcpStream, routes: &HashMap<String, Reply>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&request);
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let reply = routes
        .get(&path)
        .cloned()
        .unwrap_or_else(|| Reply::Page(404, Vec::new(), b"not here".to_vec()));
    match reply {
        Reply::Silence => std::thread::sleep(Duration::from_secs(30)),
        Reply::Page(status, headers, body) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    }
}
