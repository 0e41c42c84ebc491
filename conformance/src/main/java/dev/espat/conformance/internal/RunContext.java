package dev.espat.conformance.internal;

import java.util.OptionalInt;

/**
 * What a run knows beyond the transcripts: the Wi-Fi network, the device's firmware, the line.
 *
 * @param ssid the network {@code wifi join} and {@code {ssid}} use
 * @param password its password ({@code {password}}); masked in all output
 * @param knownAccessPoint whether the device knows that network, so a wrong password fails ({@code needs: known-ap})
 * @param firmware the release, {@code 4.1.0.0}, or null when unknown
 * @param baud the rate the port was opened at ({@code {baud}}), empty for a socket
 * @param masking hides secrets in output
 * @param timeoutScale multiplies every transcript's timeout (slow boards, slow CI)
 */
public record RunContext(
    String ssid, String password, boolean knownAccessPoint, String firmware, OptionalInt baud, Masking masking,
    double timeoutScale) {}
