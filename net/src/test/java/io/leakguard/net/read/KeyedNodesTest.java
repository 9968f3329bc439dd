package io.leakguard.net.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyedNodesTest {
  private static final ObjectMapper KEYED = new ObjectMapper().setNodeFactory(KeyedNodes.FACTORY);
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** A rule as az writes it (the benchmark's shape): 13 keys. */
  private static final String RULE =
      "{\"name\":\"rule-0\",\"id\":\"/x/securityRules/rule-0\",\"priority\":100,"
          + "\"direction\":\"Inbound\",\"access\":\"Allow\",\"protocol\":\"Tcp\","
          + "\"sourceAddressPrefix\":\"VirtualNetwork\",\"sourceAddressPrefixes\":[],"
          + "\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\","
          + "\"destinationPortRange\":\"1433\",\"destinationPortRanges\":[],\"type\":\"t\"}";

  /**
   * J.get, J.text and J.where give the same answer on a keyed tree as on Jackson's own, for
   * present, differently cased, nested (properties) and absent names.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        RULE + "| priority",
        RULE + "| PRIORITY",
        RULE + "| sourcePortRanges",
        RULE + "| sourceApplicationSecurityGroups",
        RULE + "| __unknown",
        RULE + "| properties",
        "{\"Properties\":{\"PrivateIpAddress\":\"10.0.0.4\"}}| privateIPAddress",
        "{\"properties\":{\"privateIPAddress\":\"10.0.0.4\"}}| privateIPAddress",
        "{\"PROPERTIES\":{\"x\":1},\"y\":null}| x",
        "{\"privateIPAddress\":null,\"properties\":{\"privateIPAddress\":\"1.2.3.4\"}}"
            + "| privateIPAddress",
        "{\"\u212Aey\":1}| key", // Kelvin sign: equal to k ignoring case
        "{\"ke\u212A\":1}| KEK",
        "{\"\u017Fs\":1}| ss", // long s: equal to s ignoring case
        "{\"\":1}| ''",
        "{\"a\":1}| ''",
        "{\"properties\":{\"\u212Aey\":2}}| KEY",
      })
  void sameLookupAsJacksonsOwnTree(String json, String name) throws Exception {
    JsonNode keyed = KEYED.readTree(json);
    JsonNode plain = PLAIN.readTree(json);
    assertThat(keyed).isInstanceOf(ObjectNode.class).isNotSameAs(plain);
    assertThat(J.get(keyed, name)).isEqualTo(J.get(plain, name));
    assertThat(J.text(keyed, name)).isEqualTo(J.text(plain, name));
    assertThat(J.where(keyed, name)).isEqualTo(J.where(plain, name));
    assertThat(keyed).isEqualTo(plain);
  }

  /** The absent optional fields of an az rule are ruled out by the signature, no walk needed. */
  @ParameterizedTest
  @CsvSource({
    "sourcePortRanges, false",
    "destinationAddressPrefixes, false",
    "sourceApplicationSecurityGroups, false",
    "destinationApplicationSecurityGroups, false",
    "properties, false",
    "PRIORITY, true",
    "destinationportrange, true",
  })
  void signatureOfAnAzRule(String name, boolean expected) throws Exception {
    assertThat(KeyedNodes.mayHave(KEYED.readTree(RULE), name)).isEqualTo(expected);
  }

  /** Objects from other factories are always walked. */
  @Test
  void otherNodesAreAlwaysLookedAt() throws Exception {
    assertThat(KeyedNodes.mayHave(PLAIN.readTree(RULE), "sourcePortRanges")).isTrue();
    assertThat(KeyedNodes.mayHave(PLAIN.readTree("[1]"), "x")).isTrue();
  }

  /**
   * Soundness on random keys (ASCII letters of both cases, digits, '_', and a few non-ASCII
   * characters that fold to ASCII ones): "not there" is never said of a key that is there ignoring
   * case, and a key added after parsing (put, set, putIfAbsent, setAll) is seen.
   */
  @Test
  void neverRulesOutAKeyThatMatchesIgnoringCase() {
    Random rnd = new Random(8);
    String alphabet = "aAbBkKsSzZ_09\u212A\u017F\u0130i";
    int checked = 0;
    int ruledOut = 0;
    for (int round = 0; round < 3000; round++) {
      ObjectNode o = KeyedNodes.FACTORY.objectNode();
      List<String> keys = new ArrayList<>();
      int n = rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        String k = random(rnd, alphabet);
        keys.add(k);
        switch (i % 4) {
          case 0 -> o.put(k, i);
          case 1 -> o.set(k, o.numberNode(i));
          case 2 -> o.putIfAbsent(k, o.numberNode(i));
          default -> o.setAll(KeyedNodes.FACTORY.objectNode().put(k, i));
        }
      }
      for (int q = 0; q < 20; q++) {
        String name = q < keys.size() ? flipCase(keys.get(q)) : random(rnd, alphabet);
        boolean there = keys.stream().anyMatch(k -> k.equalsIgnoreCase(name));
        boolean may = KeyedNodes.mayHave(o, name);
        if (there) {
          assertThat(may).as("%s in %s", name, keys).isTrue();
        }
        checked++;
        ruledOut += may ? 0 : 1;
      }
    }
    assertThat(checked).isEqualTo(60_000);
    // many keys here are non-ASCII at an end (every bit) or a query is a key: 11,639 with seed 8
    assertThat(ruledOut).as("the signature rules out absent names").isGreaterThan(10_000);
  }

  private static String random(Random rnd, String alphabet) {
    int len = 1 + rnd.nextInt(6);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String flipCase(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return b.toString();
  }
}
