package dev.espat.emulator.admin;

/**
 * A request the admin API refuses, with the status and a message for the caller that names what
 * was wrong: unknown device, bad JSON, a field out of range.
 */
final class AdminException extends RuntimeException {
  private final int status;
  private final String allow;

  AdminException(int status, String message) {
    this(status, message, null);
  }

  /** A 405, with the methods the path does take. */
  AdminException(int status, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
  }

  static AdminException badRequest(String message) {
    return new AdminException(400, message);
  }

  static AdminException notFound(String message) {
    return new AdminException(404, message);
  }

  int status() {
    return status;
  }

  /** The {@code Allow} header of a 405, else null. */
  String allow() {
    return allow;
  }
}
