package dev.espat.driver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartBodyTest {
  @TempDir
  Path dir;

  @Test
  void writesExactlyTheseBytesForAFixedBoundary() throws IOException {
    Path csv = Files.writeString(dir.resolve("report.csv"), "a,b\n1,2\n");
    MultipartBody body = MultipartBody.newBuilder()
        .field("name", "value \u00e9")
        .file("upload", "report.csv", "text/csv", csv)
        .file("blob", "b.bin", "application/octet-stream", new byte[] {0, 1, 2})
        .boundary("fixed")
        .build();
    String expected = """
        --fixed\r
        Content-Disposition: form-data; name="name"\r
        \r
        value \u00e9\r
        --fixed\r
        Content-Disposition: form-data; name="upload"; filename="report.csv"\r
        Content-Type: text/csv\r
        \r
        a,b
        1,2
        \r
        --fixed\r
        Content-Disposition: form-data; name="blob"; filename="b.bin"\r
        Content-Type: application/octet-stream\r
        \r
        \u0000\u0001\u0002\r
        --fixed--\r
        """;
    assertThat(new String(readAll(body), UTF_8)).isEqualTo(expected);
    assertThat(readAll(body)).isEqualTo(expected.getBytes(UTF_8)); // open() again: the same bytes
    assertThat(body.length()).isEqualTo(expected.getBytes(UTF_8).length);
    assertThat(body.readAll(1000)).isEqualTo(expected.getBytes(UTF_8));
    assertThat(body.contentType()).contains("multipart/form-data; boundary=fixed");
    assertThat(body.boundary()).isEqualTo("fixed");
    assertThat(body).hasToString("multipart/form-data; boundary=fixed (3 parts, " + body.length() + " bytes)");
  }

  @Test
  void oneFieldAndEmptyParts() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty"));
    MultipartBody body = MultipartBody.newBuilder().boundary("b").field("x", "")
        .file("f", "", "application/octet-stream", empty).build();
    assertThat(new String(readAll(body), UTF_8)).isEqualTo(
        "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\nContent-Type: application/octet-stream"
            + "\r\n\r\n\r\n--b--\r\n");
    assertThat(body.length()).isEqualTo(readAll(body).length);
  }

  @Test
  void quotesNamesAsBrowsersDoAndSendsNonAsciiFilenamesAsUtf8() throws IOException {
    MultipartBody body = MultipartBody.newBuilder().boundary("b")
        .file("a\"b\r\nc", "r\u00e9sum\u00e9 \"final\".pdf", "application/pdf", new byte[0]).build();
    String head = new String(readAll(body), UTF_8);
    assertThat(head).contains("name=\"a%22b%0D%0Ac\"; filename=\"r\u00e9sum\u00e9 %22final%22.pdf\"\r\n");
    assertThat(readAll(body)).containsSequence("r\u00e9sum\u00e9".getBytes(UTF_8));
    assertThat(head).doesNotContain("filename*");
  }

  @Test
  void refusesOtherControlCharactersEmptyNamesAndBadMediaTypes() {
    MultipartBody.Builder b = MultipartBody.newBuilder();
    assertThatThrownBy(() -> b.field("a\u0000b", "v")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a multipart field name may not hold the control character U+0000: a?b");
    assertThatThrownBy(() -> b.file("f", "x\ty", "text/plain", new byte[0]))
        .hasMessage("a multipart filename may not hold the control character U+0009: x?y");
    assertThatThrownBy(() -> b.field("", "v")).hasMessage("a multipart part needs a non-empty field name");
    assertThatThrownBy(() -> b.file("f", "x", "text/plain\r\nX-Evil: 1", new byte[0]))
        .hasMessage("not a media type for a multipart part: text/plain??X-Evil: 1");
    assertThatThrownBy(() -> b.file("f", "x", "csv", new byte[0])).hasMessage("not a media type for a multipart part: csv");
    assertThatThrownBy(() -> b.field(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("a multipart body needs at least one part");
  }

  @Test
  void refusesATextOrBytePartThatContainsTheBoundary() {
    assertThatThrownBy(() -> MultipartBody.newBuilder().boundary("xyz").field("a", "ok").field("b", "1\r\n--xyz\r\n2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the part named \"b\" contains the boundary xyz; choose another boundary");
    assertThatThrownBy(() -> MultipartBody.newBuilder().boundary("xyz").file("f", "f", "a/b", "--xyz".getBytes(UTF_8)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void picksARandomBoundaryOfSafeCharacters() {
    MultipartBody one = MultipartBody.newBuilder().field("a", "b").build();
    MultipartBody two = MultipartBody.newBuilder().field("a", "b").build();
    assertThat(one.boundary()).matches("espat-[0-9A-Za-z]{32}");
    assertThat(one.boundary()).isNotEqualTo(two.boundary());
    assertThat(one.contentType()).contains("multipart/form-data; boundary=" + one.boundary());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ends in a space ", "a\r\nb", "semi;colon", "quote\"", "back\\slash", "caf\u00e9", "tab\t",
      "71-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void refusesBoundariesRfc2046DoesNotAllow(String boundary) {
    assertThatThrownBy(() -> MultipartBody.newBuilder().boundary(boundary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a multipart boundary ");
  }

  @Test
  void takesEveryBoundaryRfc2046AllowsQuotingItWhereTheHeaderNeeds() throws IOException, FileUploadException {
    String seventy = "x".repeat(70);
    assertThat(MultipartBody.newBuilder().boundary(seventy).field("a", "b").build().contentType())
        .contains("multipart/form-data; boundary=" + seventy);
    assertThat(MultipartBody.newBuilder().boundary("a'+_-.Z9").field("a", "b").build().contentType())
        .contains("multipart/form-data; boundary=a'+_-.Z9");
    MultipartBody special = MultipartBody.newBuilder().boundary("a b()+_,-./:=?").field("a", "b").build();
    assertThat(special.contentType()).contains("multipart/form-data; boundary=\"a b()+_,-./:=?\"");
    assertThat(parse(special)).extracting(Parsed::name, Parsed::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "b"));
  }

  @Test
  void aRealParserReadsBackWhatWasBuilt() throws IOException, FileUploadException {
    byte[] big = new byte[1_000_000];
    new Random(1).nextBytes(big);
    Path file = Files.write(dir.resolve("big.bin"), big);
    MultipartBody body = MultipartBody.newBuilder()
        .field("name", "value")
        .field("text", "line 1\r\nline 2 \u00e9\u20ac\ud83d\ude00 --not-the-boundary")
        .file("upload", "big.bin", "application/octet-stream", file)
        .file("doc", "r\u00e9sum\u00e9.txt", "text/plain; charset=UTF-8", "hello".getBytes(UTF_8))
        .build();
    List<Parsed> parts = parse(body);
    assertThat(parts).extracting(Parsed::name)
        .containsExactly("name", "text", "upload", "doc");
    assertThat(parts.get(0).text()).isEqualTo("value");
    assertThat(parts.get(0).filename()).isNull();
    assertThat(parts.get(1).text()).isEqualTo("line 1\r\nline 2 \u00e9\u20ac\ud83d\ude00 --not-the-boundary");
    assertThat(parts.get(2).filename()).isEqualTo("big.bin");
    assertThat(parts.get(2).contentType()).isEqualTo("application/octet-stream");
    assertThat(parts.get(2).bytes()).isEqualTo(big);
    assertThat(parts.get(3).filename()).isEqualTo("r\u00e9sum\u00e9.txt");
    assertThat(parts.get(3).contentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(parts.get(3).text()).isEqualTo("hello");
  }

  @Test
  void streamsA5MegabyteFileWithBoundedMemory() throws IOException, NoSuchAlgorithmException {
    long fileSize = 5L * 1024 * 1024 + 17;
    Path file = dir.resolve("five.bin");
    writeRandom(file, fileSize, 5);
    MultipartBody body = MultipartBody.newBuilder().boundary("bound")
        .field("note", "five megabytes")
        .file("upload", "five.bin", "application/octet-stream", file)
        .build();

    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    expected.update(("--bound\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfive megabytes\r\n"
        + "--bound\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"five.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(UTF_8));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[64 * 1024];
      for (int n; (n = in.read(chunk)) > 0; ) {
        expected.update(chunk, 0, n);
      }
    }
    expected.update("\r\n--bound--\r\n".getBytes(UTF_8));

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "this JVM counts no allocations per thread");
    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    try (InputStream in = body.open()) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        actual.update(chunk, 0, n);
        total += n;
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(total).isEqualTo(body.length()).isGreaterThan(fileSize);
    assertThat(actual.digest()).isEqualTo(expected.digest());
    assertThat(allocated).as("bytes allocated while reading a %d-byte body", total).isLessThan(1024 * 1024);
  }

  @Test
  void aFileThatChangedSizeBeforeSendingFailsNamingIt() throws IOException {
    Path file = Files.write(dir.resolve("grows.bin"), new byte[100]);
    MultipartBody body = MultipartBody.newBuilder().field("a", "b").file("f", "grows.bin", "a/b", file).build();
    long length = body.length();

    Files.write(file, new byte[10], StandardOpenOption.APPEND);
    assertThat(body.length()).isEqualTo(length);
    assertThatThrownBy(() -> readAll(body)).isInstanceOf(IOException.class)
        .hasMessage("multipart file " + file + " changed size: 100 bytes when the body was built, 110 now");

    Files.write(file, new byte[50]);
    assertThatThrownBy(() -> readAll(body))
        .hasMessage("multipart file " + file + " changed size: 100 bytes when the body was built, 50 now");

    Files.delete(file);
    assertThatThrownBy(() -> readAll(body)).isInstanceOf(IOException.class).hasMessageContaining(file.toString());
  }

  @Test
  void aFileThatChangesSizeWhileBeingSentFailsNamingIt() throws IOException {
    Path file = dir.resolve("moving.bin");
    writeRandom(file, 1_000_000, 3);
    MultipartBody body = MultipartBody.newBuilder().boundary("b").file("f", "moving.bin", "a/b", file).build();
    try (InputStream in = body.open()) {
      in.readNBytes(200_000);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(300_000);
      }
      assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(IOException.class)
          .hasMessage("multipart file " + file + " ended after 300000 of the 1000000 bytes it had when the body was built");
    }

    writeRandom(file, 1_000_000, 3);
    try (InputStream in = body.open()) {
      in.readNBytes(200_000);
      Files.write(file, new byte[1], StandardOpenOption.APPEND);
      assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(IOException.class)
          .hasMessage("multipart file " + file + " grew past the 1000000 bytes it had when the body was built");
    }
  }

  @Test
  void aFileThatCannotBeReadFailsTheBuildNamingIt() throws IOException {
    Path missing = dir.resolve("missing.bin");
    MultipartBody.Builder b = MultipartBody.newBuilder().file("f", "m", "a/b", missing);
    assertThatThrownBy(b::build).isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("multipart file " + missing + ": ");
    MultipartBody.Builder d = MultipartBody.newBuilder().file("f", "d", "a/b", dir);
    assertThatThrownBy(d::build).hasMessage("multipart file " + dir + ": not a readable file");
  }

  @Test
  void opensFilesOnlyWhenTheirTurnComes() throws IOException {
    Path one = Files.writeString(dir.resolve("one"), "1");
    Path two = Files.writeString(dir.resolve("two"), "2");
    MultipartBody body = MultipartBody.newBuilder().boundary("b").file("one", "one", "a/b", one)
        .file("two", "two", "a/b", two).build();
    try (InputStream in = body.open()) {
      Files.delete(two); // not opened yet: the stream fails only when it reaches it
      byte[] start = in.readNBytes(120);
      assertThat(new String(start, UTF_8)).contains("\r\n\r\n1\r\n--b\r\n");
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining(two.toString());
    }
  }

  // ---- helpers

  record Parsed(String name, String filename, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, UTF_8);
    }
  }

  /** The body through commons-fileupload's streaming parser, as a servlet container would. */
  private static List<Parsed> parse(MultipartBody body) throws IOException, FileUploadException {
    FileUpload upload = new FileUpload();
    upload.setHeaderEncoding("UTF-8");
    List<Parsed> parts = new ArrayList<>();
    try (InputStream in = body.open()) {
      FileItemIterator items = upload.getItemIterator(new UploadContext() {
        @Override
        public long contentLength() {
          return body.length();
        }

        @Override
        public String getCharacterEncoding() {
          return "UTF-8";
        }

        @Override
        public String getContentType() {
          return body.contentType().orElseThrow();
        }

        @Override
        @Deprecated
        public int getContentLength() {
          return (int) body.length();
        }

        @Override
        public InputStream getInputStream() {
          return in;
        }
      });
      while (items.hasNext()) {
        FileItemStream item = items.next();
        try (InputStream content = item.openStream()) {
          parts.add(new Parsed(item.getFieldName(), item.isFormField() ? null : item.getName(), item.getContentType(),
              content.readAllBytes()));
        }
      }
    }
    return parts;
  }

  private static byte[] readAll(RequestBody body) throws IOException {
    try (InputStream in = body.open()) {
      return in.readAllBytes();
    }
  }

  private static void writeRandom(Path file, long size, long seed) throws IOException {
    Random random = new Random(seed);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
  }
}
