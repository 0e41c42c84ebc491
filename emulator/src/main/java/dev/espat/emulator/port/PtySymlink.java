package dev.espat.emulator.port;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable name of a pty, such as {@code /tmp/ttyESP0}: a symbolic link to whatever
 * {@code /dev/pts/N} the system handed out this time, so that a host's configuration does not
 * change from one run to the next.
 *
 * <p>A link left behind by an emulator that died is replaced; one that belongs to a running
 * emulator is not. Which is which is told by a lock on {@code <link>.lock}, held for as long as
 * the link is, and released by the system when a process ends however it ends. A path that exists
 * and is not a symbolic link is never touched.
 */
final class PtySymlink implements AutoCloseable {
  /** The default name's prefix: {@code ttyESP0}, {@code ttyESP1}, ... in the temporary directory. */
  static final String DEFAULT_PREFIX = "ttyESP";

  private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

  private final Path link;
  private final Path lockFile;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private Path target;

  private PtySymlink(Path link, Path lockFile, FileChannel lockChannel, FileLock lock) {
    this.link = link;
    this.lockFile = lockFile;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** {@code <java.io.tmpdir>/ttyESP<index>}. */
  static Path defaultPath(int index) {
    return Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_PREFIX + index);
  }

  /**
   * The name of the {@code index}-th device's link when the first is {@code first}: a trailing
   * number counts up ({@code ttyESP0}, {@code ttyESP1}; {@code esp7}, {@code esp8}); a name without
   * one gets the index appended from the second device on ({@code esp}, {@code esp1}).
   */
  static Path numbered(Path first, int index) {
    if (index == 0) {
      return first;
    }
    String name = first.getFileName().toString();
    Matcher m = TRAILING_NUMBER.matcher(name);
    String numberedName = m.matches()
        ? m.group(1) + (Long.parseLong(m.group(2)) + index)
        : name + index;
    return first.resolveSibling(numberedName);
  }

  /**
   * Takes the name for this process.
   *
   * @throws IOException naming the link when another running emulator holds it, or when the path
   *     is something other than a symbolic link
   */
  static PtySymlink claim(Path link) throws IOException {
    Path absolute = link.toAbsolutePath();
    if (!Files.isDirectory(absolute.getParent())) {
      throw new IOException("cannot create the pty link " + absolute + ": the directory " + absolute.getParent()
          + " does not exist");
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(absolute)) {
      throw new IOException(absolute + " exists and is not a symbolic link; not replacing it");
    }
    Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException("cannot create the pty link " + absolute + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      channel.close();
      throw new IOException("the pty link " + absolute + " is in use by another running emulator;"
          + " stop it or choose another path");
    }
    return new PtySymlink(absolute, lockFile, channel, lock);
  }

  /** Where hosts open the pty. */
  Path path() {
    return link;
  }

  /** Points the link at {@code slave}, replacing in one step whatever it pointed at. */
  void pointTo(String slave) throws IOException {
    Path newTarget = Path.of(slave);
    Path temporary = link.resolveSibling("." + link.getFileName() + "." + ProcessHandle.current().pid() + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createSymbolicLink(temporary, newTarget);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot create " + temporary + ": it exists", e);
    }
    try {
      Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw new IOException("cannot point " + link + " at " + slave + ": " + e.getMessage(), e);
    }
    target = newTarget;
  }

  /** Removes the link (when it is still ours) and gives the name up. */
  @Override
  public void close() {
    try {
      if (target != null && Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
        Files.delete(link);
      }
    } catch (IOException e) {
      // a link that cannot be removed is replaced by the next emulator that claims the name
    }
    try {
      // deleted while still locked, so that nobody locks a file that is about to disappear
      Files.deleteIfExists(lockFile);
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes with the channel, and the channel with the process at the latest
    }
  }
}
