package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stable name in front of a pty: naming, claiming, replacing, removing. */
class PtySymlinkTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("several devices: a trailing number counts up, a name without one gets the index from the second on")
  void numbering() {
    assertThat(PtySymlink.numbered(dir.resolve("ttyESP0"), 0)).isEqualTo(dir.resolve("ttyESP0"));
    assertThat(PtySymlink.numbered(dir.resolve("ttyESP0"), 2)).isEqualTo(dir.resolve("ttyESP2"));
    assertThat(PtySymlink.numbered(dir.resolve("esp7"), 1)).isEqualTo(dir.resolve("esp8"));
    assertThat(PtySymlink.numbered(dir.resolve("esp"), 0)).isEqualTo(dir.resolve("esp"));
    assertThat(PtySymlink.numbered(dir.resolve("esp"), 1)).isEqualTo(dir.resolve("esp1"));
    assertThat(PtySymlink.defaultPath(3)).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "ttyESP3"));
  }

  @Test
  @DisplayName("a link left by an emulator that is gone is replaced; closing removes the link and its lock file")
  void staleLinkReplacedAndRemoved() throws IOException {
    Path link = dir.resolve("ttyESP0");
    Files.createSymbolicLink(link, Path.of("/dev/pts/9999"));
    try (PtySymlink claimed = PtySymlink.claim(link)) {
      claimed.pointTo("/dev/null");
      assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
      assertThat(dir.resolve("ttyESP0.lock")).exists();
      claimed.pointTo("/dev/zero");
      assertThat(Files.readSymbolicLink(link)).as("re-pointed in one step").isEqualTo(Path.of("/dev/zero"));
    }
    assertThat(link).doesNotExist();
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(dir.resolve("ttyESP0.lock")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary links left behind").isEmpty();
    }
  }

  @Test
  @DisplayName("a name held by a running emulator is refused, naming the link")
  void heldNameRefused() throws IOException {
    Path link = dir.resolve("ttyESP0");
    try (PtySymlink first = PtySymlink.claim(link)) {
      first.pointTo("/dev/null");
      assertThatThrownBy(() -> PtySymlink.claim(link))
          .isInstanceOf(IOException.class)
          .hasMessage("the pty link " + link + " is in use by another running emulator; stop it or choose another path");
      assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
    }
    try (PtySymlink again = PtySymlink.claim(link)) {
      assertThat(again.path()).isEqualTo(link);
    }
  }

  @Test
  @DisplayName("a path that is not a symbolic link is never touched")
  void notASymlinkRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("ttyESP0"), "mine");
    assertThatThrownBy(() -> PtySymlink.claim(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " exists and is not a symbolic link; not replacing it");
    assertThat(Files.readString(file)).isEqualTo("mine");
    assertThat(dir.resolve("ttyESP0.lock")).doesNotExist();
  }

  @Test
  @DisplayName("a link in a directory that does not exist: the message says which")
  void missingDirectory() {
    Path link = dir.resolve("nowhere").resolve("ttyESP0");
    assertThatThrownBy(() -> PtySymlink.claim(link))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot create the pty link " + link + ": the directory " + dir.resolve("nowhere") + " does not exist");
  }

  @Test
  @DisplayName("a link someone else re-pointed meanwhile is left alone on close")
  void foreignLinkKept() throws IOException {
    Path link = dir.resolve("ttyESP0");
    try (PtySymlink claimed = PtySymlink.claim(link)) {
      claimed.pointTo("/dev/null");
      Files.delete(link);
      Files.createSymbolicLink(link, Path.of("/dev/zero"));
    }
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/zero"));
    Files.delete(link);
  }
}
