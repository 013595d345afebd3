//! A streaming PDF file writer: objects are serialised by `pdf-writer` one chunk at a time and
//! written straight to the output, while only their byte offsets are kept for the xref table.
//! Memory therefore stays flat however many pages the document has.

use std::io::{self, Write};

use pdf_writer::{Chunk, Ref};

pub struct ObjectWriter<W: Write> {
    out: W,
    pos: u64,
    /// Byte offset of object `id` at index `id - 1` (0 until written).
    offsets: Vec<u64>,
}

impl<W: Write> ObjectWriter<W> {
    /// Writes the PDF header.
    pub fn new(mut out: W) -> io::Result<Self> {
        let header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
        out.write_all(header)?;
        Ok(ObjectWriter { out, pos: header.len() as u64, offsets: Vec::new() })
    }

    /// Reserves a new object number.
    pub fn alloc(&mut self) -> Ref {
        self.offsets.push(0);
        Ref::new(self.offsets.len() as i32)
    }

    /// Writes a chunk holding exactly one indirect object, `id`.
    pub fn put(&mut self, id: Ref, chunk: &Chunk) -> io::Result<()> {
        if let Some(slot) = self.offsets.get_mut(id.get() as usize - 1) {
            *slot = self.pos;
        }
        let bytes = chunk.as_bytes();
        self.out.write_all(bytes)?;
        self.pos += bytes.len() as u64;
        Ok(())
    }

    /// Writes the xref table and trailer and returns the output.
    pub fn finish(mut self, catalog: Ref, info: Ref) -> io::Result<W> {
        let xref_at = self.pos;
        let mut tail = Vec::with_capacity(20 * (self.offsets.len() + 1) + 128);
        write!(tail, "xref\n0 {}\n0000000000 65535 f\r\n", self.offsets.len() + 1)?;
        for off in &self.offsets {
            if *off == 0 {
                tail.extend_from_slice(b"0000000000 65535 f\r\n");
            } else {
                write!(tail, "{off:010} 00000 n\r\n")?;
            }
        }
        write!(
            tail,
            "trailer\n<< /Size {} /Root {} 0 R /Info {} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n",
            self.offsets.len() + 1,
            catalog.get(),
            info.get()
        )?;
        self.out.write_all(&tail)?;
        self.out.flush()?;
        Ok(self.out)
    }
}
