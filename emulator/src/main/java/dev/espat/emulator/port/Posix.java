package dev.espat.emulator.port;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.util.Arrays;

/**
 * The few libc calls a pty needs, through JNA, with the constants of Linux and macOS. Failures
 * become {@link IOException}s that name the call and the errno text. Nothing here knows about
 * devices or hosts; {@link Pty} puts the calls together.
 */
final class Posix {
  static final short POLLIN = 0x1;
  static final short POLLOUT = 0x4;
  static final short POLLHUP = 0x10;
  static final short POLLNVAL = 0x20;

  static final int EINTR = 4;
  static final int EIO = 5;

  /** Big enough for struct termios on Linux (60 bytes) and macOS (72); only libc reads it. */
  private static final int TERMIOS_BYTES = 256;

  /** Values that differ between Linux and macOS (BSD). */
  private record Constants(int oNoctty, int oNonblock, int eagain, int ebusy, int tciflush, long tiocexcl,
      long tiocnxcl, long tiocgexcl) {}

  private static final Constants LINUX = new Constants(0x100, 0x800, 11, 16, 0, 0x540C, 0x540D, 0x80045440L);
  private static final Constants MAC = new Constants(0x20000, 0x4, 35, 16, 1, 0x2000740DL, 0x2000740EL, -1);

  static final int O_RDWR = 2;
  private static final int F_GETFL = 3;
  private static final int F_SETFL = 4;
  private static final int TCSANOW = 0;

  private static final Constants C = Platform.isMac() ? MAC : LINUX;

  /** The C library, mapped once; null on a platform without one we know (Windows). */
  private static final CLibrary LIBC = load();

  /** ptsname(3) returns a static buffer: one caller at a time. */
  private static final Object PTSNAME_LOCK = new Object();

  private Posix() {}

  /** Whether this machine has ptys that this class can drive. */
  static boolean supported() {
    return LIBC != null && (Platform.isLinux() || Platform.isMac());
  }

  static int eagain() {
    return C.eagain();
  }

  static int ebusy() {
    return C.ebusy();
  }

  @SuppressWarnings("unused") // the names are libc's
  interface CLibrary extends Library {
    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    String ptsname(int fd);

    int open(String path, int flags);

    int close(int fd);

    NativeLong read(int fd, byte[] buffer, NativeLong count);

    NativeLong write(int fd, byte[] buffer, NativeLong count);

    int fcntl(int fd, int cmd, Object... args);

    int ioctl(int fd, NativeLong request, Object... args);

    int tcgetattr(int fd, Pointer termios);

    int tcsetattr(int fd, int when, Pointer termios);

    void cfmakeraw(Pointer termios);

    int tcflush(int fd, int queue);

    int poll(PollFd fd, NativeLong count, int timeoutMillis);

    String strerror(int errno);
  }

  /** struct pollfd. */
  @Structure.FieldOrder({"fd", "events", "revents"})
  public static final class PollFd extends Structure {
    public int fd;
    public short events;
    public short revents;
  }

  private static CLibrary load() {
    if (!Platform.isLinux() && !Platform.isMac()) {
      return null;
    }
    try {
      return Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
    } catch (UnsatisfiedLinkError e) {
      return null;
    }
  }

  private static CLibrary libc() throws IOException {
    if (LIBC == null) {
      throw new IOException("ptys need Linux or macOS; this is " + System.getProperty("os.name"));
    }
    return LIBC;
  }

  /** Opens a new pty master (posix_openpt, grantpt, unlockpt). */
  static int openMaster() throws IOException {
    CLibrary c = libc();
    int fd = check("posix_openpt", c.posix_openpt(O_RDWR | C.oNoctty()));
    try {
      check("grantpt", c.grantpt(fd));
      check("unlockpt", c.unlockpt(fd));
      return fd;
    } catch (IOException e) {
      c.close(fd);
      throw e;
    }
  }

  /** The path of the master's slave, such as {@code /dev/pts/3}. */
  static String slaveName(int masterFd) throws IOException {
    synchronized (PTSNAME_LOCK) {
      String name = libc().ptsname(masterFd);
      if (name == null) {
        throw failure("ptsname", Native.getLastError());
      }
      return name;
    }
  }

  /** Opens a terminal without making it the controlling terminal, non-blocking. */
  static int openTerminal(String path) throws IOException {
    int fd = libc().open(path, O_RDWR | C.oNoctty() | C.oNonblock());
    if (fd < 0) {
      throw new ErrnoException("open " + path, Native.getLastError());
    }
    return fd;
  }

  static void setNonBlocking(int fd) throws IOException {
    CLibrary c = libc();
    int flags = check("fcntl(F_GETFL)", c.fcntl(fd, F_GETFL));
    check("fcntl(F_SETFL)", c.fcntl(fd, F_SETFL, flags | C.oNonblock()));
  }

  /** cfmakeraw: 8 bits, no echo, no CR/LF translation, no signals, no flow control characters. */
  static void makeRaw(int fd) throws IOException {
    CLibrary c = libc();
    Memory termios = new Memory(TERMIOS_BYTES);
    termios.clear();
    check("tcgetattr", c.tcgetattr(fd, termios));
    c.cfmakeraw(termios);
    check("tcsetattr", c.tcsetattr(fd, TCSANOW, termios));
  }

  /** Discards what was written to the terminal and not yet read from it. */
  static void flushInput(int fd) throws IOException {
    check("tcflush", libc().tcflush(fd, C.tciflush()));
  }

  /** TIOCNXCL: lets others open the terminal again after a host set TIOCEXCL. */
  static void clearExclusive(int fd) throws IOException {
    check("ioctl(TIOCNXCL)", libc().ioctl(fd, new NativeLong(C.tiocnxcl())));
  }

  /** TIOCEXCL: what some host libraries do to keep a serial port to themselves. */
  static void setExclusive(int fd) throws IOException {
    check("ioctl(TIOCEXCL)", libc().ioctl(fd, new NativeLong(C.tiocexcl())));
  }

  /** TIOCGEXCL (Linux only): whether the terminal is in exclusive mode. */
  static boolean isExclusive(int fd) throws IOException {
    if (C.tiocgexcl() < 0) {
      throw new IOException("TIOCGEXCL is Linux only");
    }
    IntByReference result = new IntByReference();
    check("ioctl(TIOCGEXCL)", libc().ioctl(fd, new NativeLong(C.tiocgexcl()), result));
    return result.getValue() != 0;
  }

  /**
   * read(2) into {@code buffer}: the count (0 at end of file), or minus errno; never throws for
   * errno, so that callers can tell EAGAIN from EIO without exceptions in their loop.
   */
  static int read(int fd, byte[] buffer) {
    long n = LIBC.read(fd, buffer, new NativeLong(buffer.length)).longValue();
    return n >= 0 ? (int) n : -Native.getLastError();
  }

  /** write(2) of {@code length} bytes from {@code offset}: the count written, or minus errno. */
  static int write(int fd, byte[] bytes, int offset, int length) {
    byte[] slice = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    long n = LIBC.write(fd, slice, new NativeLong(length)).longValue();
    return n >= 0 ? (int) n : -Native.getLastError();
  }

  /**
   * poll(2) on one descriptor: the returned events (0 on timeout or a signal), or {@link #POLLNVAL}
   * where poll does not work on terminals (some macOS releases).
   */
  static short poll(int fd, short events, int timeoutMillis) {
    PollFd one = new PollFd();
    one.fd = fd;
    one.events = events;
    int n = LIBC.poll(one, new NativeLong(1), timeoutMillis);
    if (n < 0) {
      return Native.getLastError() == EINTR ? 0 : POLLNVAL;
    }
    return n == 0 ? 0 : one.revents;
  }

  static void close(int fd) {
    if (fd >= 0 && LIBC != null) {
      LIBC.close(fd);
    }
  }

  static String describe(int errno) {
    String text = LIBC == null ? null : LIBC.strerror(errno);
    return (text == null ? "error" : text) + " (errno " + errno + ")";
  }

  private static int check(String call, int result) throws IOException {
    if (result < 0) {
      throw failure(call, Native.getLastError());
    }
    return result;
  }

  private static IOException failure(String call, int errno) {
    return new ErrnoException(call, errno);
  }

  /** A failed call, with its errno kept for callers that react to a particular one. */
  static final class ErrnoException extends IOException {
    private final int errno;

    ErrnoException(String call, int errno) {
      super(call + " failed: " + describe(errno));
      this.errno = errno;
    }

    int errno() {
      return errno;
    }
  }
}
