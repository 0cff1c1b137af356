package org.bookbuild.io;

import java.io.IOException;

/** A path that would leave the project folder (by {@code ../}, an absolute path or a symlink). */
public final class SandboxException extends IOException {
  public SandboxException(String message) {
    super(message);
  }
}
