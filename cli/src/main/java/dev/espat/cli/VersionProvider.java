package dev.espat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar's manifest at build time. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = EspAt.class.getPackage().getImplementationVersion();
    return new String[] {
      "esp-at " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
