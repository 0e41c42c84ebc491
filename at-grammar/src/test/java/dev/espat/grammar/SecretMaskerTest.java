package dev.espat.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "AT+CWJAP=\"home\",\"hunter2\"|AT+CWJAP=\"home\",\"***\"",
        "AT+cwjap=\"a\\,b\",\"p\\,w\\\"d\",,0,1\\r\\n|AT+cwjap=\"a\\,b\",\"***\",,0,1\\r\\n",
        "AT+CWJAP=\"home\",\"\"|AT+CWJAP=\"home\",\"***\"",
        "AT+CWSAP=\"ap\",\"secret123\",5,3|AT+CWSAP=\"ap\",\"***\",5,3",
        "AT+CWJAP_DEF=\"x\",\"y\"|AT+CWJAP_DEF=\"x\",\"***\"",
        "AT+CWJAP?|AT+CWJAP?",
        "AT+CWJAP=\"only-ssid\"|AT+CWJAP=\"only-ssid\"",
        "AT+HTTPCGET=\"http://bob:pw@h:80/x\"|AT+HTTPCGET=\"http://bob:***@h:80/x\"",
        "https://u:p@a/ and ftp://v:q@b/|https://u:***@a/ and ftp://v:***@b/",
        "http://bob@h/x|http://bob@h/x",
        "AT+HTTPCLIENT=2,0,\"http://h/\",,,1,\"Authorization: Basic Ym9iOnB3\"|AT+HTTPCLIENT=2,0,\"http://h/\",,,1,\"Authorization: ***\"",
        "proxy-authorization:Bearer abc.def|proxy-authorization:***",
        "Range: bytes=0-255|Range: bytes=0-255"
      })
  void masks(String text, String masked) {
    assertThat(SecretMasker.mask(text)).isEqualTo(masked);
  }

  @org.junit.jupiter.api.Test
  void aPasswordThatIsNotOneQuotedFieldIsHiddenToTheEndOfTheLine() {
    assertThat(SecretMasker.mask("AT+CWJAP=\"home\",\"pw,1\\\"x\",,0\r\nAT")).isEqualTo("AT+CWJAP=\"home\",***\r\nAT");
    assertThat(SecretMasker.mask("AT+CWJAP=\"home\",bare-secret,5")).isEqualTo("AT+CWJAP=\"home\",***");
  }

  @org.junit.jupiter.api.Test
  void recognisesSecretHeaders() {
    assertThat(SecretMasker.isSecretHeader(" Authorization ")).isTrue();
    assertThat(SecretMasker.isSecretHeader("Proxy-Authorization")).isTrue();
    assertThat(SecretMasker.isSecretHeader("Accept")).isFalse();
  }
}
