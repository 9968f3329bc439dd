package io.leakguard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldLabelTest {
  private static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().build();

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "first_name|first name: ",
        "FIRST_NAME|first name: ",
        "firstName|first name: ",
        "customer.FirstName|first name: ",
        "contacts[*].first-name|first name: ",
        "$.contact.phone|phone: ",
        "contact.phones[0]|phones: ",
        "emails[*]|emails: ",
        "rows[3][1]|",
        "support_cases.customer_email|customer email: ",
        "tickets.csv#Requester Name|requester name: ",
        "ContactEmailAddress|contact email address: ",
        "ssn|ssn: ",
        "cc_number|cc number: ",
        "api_key|api key: ",
        "SUPPORT_CASES.BODY|",
        "subject|",
        "customer_id|",
        "messages[*].body|",
        "text|",
        "file.txt#line|",
        "name_of_the_very_long_field|",
        "Straße|",
        "''|",
        "NULL|"
      })
  void labelsOnlyNamesThatSayWhatTheValueIs(String field, String label) {
    // (CsvSource trims: the label ends with ": ", written here without the blank)
    assertThat(FieldLabel.prefix(field)).isEqualTo(label == null ? "" : label + " ");
  }

  @Test
  void aBareValueInALabelledFieldIsFoundWithOffsetsIntoTheValue() {
    assertThat(ANALYZER.analyze("Maria")).isEmpty();
    List<PiiFinding> f = ANALYZER.analyze("Maria", "first_name");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).type()).isEqualTo(EntityType.PERSON);
    assertThat(f.get(0).start()).isZero();
    assertThat(f.get(0).end()).isEqualTo(5);
    assertThat(f.get(0).charEnd()).isEqualTo(5);
    assertThat(f.get(0).canonical()).isEqualTo("Maria");
    assertThat(f.get(0).explanation().contextWords()).contains("first name");

    assertThat(ANALYZER.analyze("536221234")).isEmpty();
    assertThat(ANALYZER.analyze("536221234", "customer.ssn"))
        .extracting(x -> x.type() + " " + x.start() + ".." + x.end())
        .containsExactly("US_SSN 0..9");
    // code points, not chars, after a label: an emoji before the number
    assertThat(ANALYZER.analyze("\uD83D\uDCDE 4255550143", "mobile"))
        .extracting(x -> x.type() + " " + x.start() + ".." + x.end() + " " + x.charStart())
        .containsExactly("PHONE_NUMBER 2..12 3");
  }

  @Test
  void otherFieldsGiveExactlyTheFreeTextFindings() {
    String text = "Hi Maria, call me at 425-555-0143 or xyz @contoso com. Thanks, Tom";
    for (String field : new String[] {null, "body", "subject", "customer_id", "notes"}) {
      assertThat(ANALYZER.analyze(text, field)).isEqualTo(ANALYZER.analyze(text));
    }
  }

  @Test
  void theLabelItselfNeverGivesAFinding() {
    // a field name that reads as an address: "ip 10 0 0 1: " is only a label
    assertThat(FieldLabel.prefix("ip_10_0_0_1")).isEqualTo("ip 10 0 0 1: ");
    assertThat(ANALYZER.analyze("none", "ip_10_0_0_1")).isEmpty();
    assertThat(ANALYZER.analyze("10.0.0.1", "ip_10_0_0_1"))
        .extracting(x -> x.start() + ".." + x.end())
        .containsExactly("0..8");
  }

  @Test
  void productNamesInANameColumnStayUnflagged() {
    for (String v : new String[] {"Azure Backup Vault", "Contoso Widget Pro", "dbo.Customers"}) {
      assertThat(ANALYZER.analyze(v, "name")).as(v).isEmpty();
    }
  }
}
