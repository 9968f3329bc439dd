package io.leakguard.testkit;

import java.util.List;

/**
 * Sentence and log-line templates. Placeholders: {@code {CNAME}} {@code {CFIRST}} {@code {CEMAIL}}
 * {@code {CPHONE}} (the customer), {@code A...} (the agent), {@code X...} (a third person), {@code
 * {NAME}} {@code {EMAIL}} {@code {PHONE}} (someone else each time), {@code {CARD}} {@code {SSN}}
 * {@code {IBAN}} {@code {IP}} {@code {MAC}} {@code {SECRET}}, look-alikes {@code {L:KIND}} (kind
 * enum name), fillers ({@code {PRODUCT}}, {@code {COMPANY}}, {@code {CITY}}, {@code {HOST}}, {@code
 * {USER}}, {@code {PORT}}, {@code {PID}}, {@code {N}}, {@code {MS}}, {@code {WEEKDAY}}, {@code
 * {EMOJI}}, {@code {FRAME}}). A trailing {@code !} forces the standard form (machine text).
 */
final class Templates {
  private Templates() {}

  private static final List<String> GREETING_OPENERS =
      List.of("Hi,", "Hola,", "Guten Tag,", "Bonjour,", "Olá,", "Buongiorno,", "Dzień dobry,");

  /** Whether a customer sentence starts with its own greeting (then it replaces the greeting). */
  static boolean opensWithGreeting(String template) {
    for (String g : GREETING_OPENERS) {
      if (template.startsWith(g)) {
        return true;
      }
    }
    return false;
  }

  static final List<String> SUBJECTS =
      List.of(
          "Can't sign in to {PRODUCT} since the update",
          "URGENT - billing issue",
          "Charged twice for my subscription",
          "{PRODUCT} keeps asking for password",
          "VPN disconnects every 10 minutes",
          "Refund request for order {L:TICKET_NUMBER}",
          "re: case {L:TICKET_NUMBER}",
          "install fails with error {L:HRESULT}",
          "Account locked - {CEMAIL}",
          "Problem with {PRODUCT} after {L:KB_NUMBER}",
          "Need help!!!",
          "question about my invoice {L:TICKET_NUMBER}",
          "Storage account access denied",
          "printer at {IP} not reachable",
          "Fw: payment failed",
          "Anmeldung nicht möglich",
          "Problema con mi cuenta",
          "Help {EMOJI}");

  static final List<String> GREETINGS =
      List.of(
          "Hi,",
          "Hello,",
          "Hi there,",
          "Dear Sir/Madam,",
          "Hello support team,",
          "Hi {AFIRST},",
          "Dear {AFIRST},",
          "Good morning,",
          "To whom it may concern,",
          "hey",
          "Hola,",
          "Hallo,",
          "Bonjour,",
          "Hi team,");

  static final List<String> CUSTOMER =
      List.of(
          "Hi, my name is {CNAME} and I can't sign in to {PRODUCT} anymore.",
          "I've been locked out since {L:DATE}, please help {EMOJI}",
          "The reset email never arrives at {CEMAIL}, I checked spam too.",
          "You can reach me at {CPHONE} between 9 and 5.",
          "please call me back on {CPHONE} asap",
          "My account is registered under {CEMAIL} but I also use {EMAIL} for work.",
          "I was charged twice for the same subscription, the card is {CARD}.",
          "can you refund it to my bank account instead? IBAN: {IBAN}",
          "Bank details for the refund: {IBAN} ({COMPANY})",
          "The form asked for my social security number so I entered {SSN}, was that a mistake?",
          "my SSN is {SSN} if you need it to verify me",
          "Our office router is at {IP} and the printer at {IP}.",
          "The VPN gateway {IP} drops the connection every 10 minutes.",
          "The laptop's MAC address is {MAC}, the dock shows {MAC}.",
          "We installed {L:KB_NUMBER} yesterday and now {PRODUCT} crashes with {L:HRESULT}.",
          "Build {L:VERSION} works, {L:VERSION} does not.",
          "Windows version is {L:VERSION}, Office is {L:VERSION}.",
          "I was told: {L:AT_PHRASE}. Nothing there helps.",
          "A call {L:DOT_PHRASE} works for me.",
          "My colleague {XNAME} ({XEMAIL}) sees exactly the same thing.",
          "Please cc my manager {XNAME}, {XEMAIL}.",
          "I'm writing my email like this because of spam bots: {CEMAIL}",
          "Ticket {L:TICKET_NUMBER} was closed without a fix!!",
          "Order {L:TICKET_NUMBER}, invoice {L:TICKET_NUMBER}, paid {L:AMOUNT}.",
          "I paid with the card {L:PARTIAL_NUMBER} on {L:DATE}.",
          "Here's the connection info we use: {SECRET}",
          "sorry I think I pasted our key in the last message: {SECRET}",
          "the error message says 'Something went wrong [{L:HRESULT}]'",
          "I'm on {PRODUCT} {L:SEMVER}, build {L:VERSION}.",
          "This affects {N} users in our {CITY} office.",
          "Text me at {CPHONE} or whatsapp {PHONE}.",
          "My husband {XNAME} set up the account, his number is {XPHONE}.",
          "Correlation ID: {L:GUID} Timestamp: {L:TIMESTAMP}",
          "The error page showed request id {L:GUID}.",
          "We are a small business ({COMPANY}) and can't work at all right now.",
          "I already tried repair, reinstalling and restarting the PC {EMOJI}",
          "Nothing in {L:FILE_PATH} looks useful to me.",
          "The admin for our tenant is {XNAME}, you can email him at {XEMAIL} or call {XPHONE}.",
          "we moved offices to {CITY} last month, new main line is {PHONE}",
          "My new card is {CARD}, please update the subscription.",
          "Card number {CARD} expiry on the card is next year.",
          "I need the invoice sent to {EMAIL} instead of {CEMAIL}.",
          "Our server {IP} gets blocked by your firewall since {L:DATE}.",
          "the device with MAC {MAC} is the one that keeps dropping",
          "Please don't call {CPHONE}, it's my old number. Use {PHONE}.",
          "For the wire transfer use IBAN {IBAN}, account holder {CNAME}.",
          "Employee {XNAME}, SSN {SSN}, is missing from the payroll export.",
          "Our dev pasted this into the config: {SECRET}",
          "Is {L:DOMAIN} down? I can't reach it from {IP}.",
          "I followed {L:URL} step by step.",
          "We use {L:CODE} in our code, could that be it?",
          "Hash from the download page is {L:HASH}, mine differs.",
          "Hola, soy {CNAME}. No puedo acceder a mi cuenta desde el {L:DATE}.",
          "Mi número es {CPHONE} y mi correo {CEMAIL}.",
          "Guten Tag, mein Name ist {CNAME}, Sie erreichen mich unter {CPHONE}.",
          "Bitte überweisen Sie die Erstattung auf {IBAN}.",
          "Bonjour, je m'appelle {CNAME}, mon adresse mail est {CEMAIL}.",
          "Olá, meu e-mail é {CEMAIL} e o telefone {CPHONE}.",
          "Buongiorno, il mio IBAN è {IBAN}.",
          "Dzień dobry, mój numer telefonu to {CPHONE}.",
          "Thanks so much {AFIRST}, that fixed it {EMOJI}",
          "I still have the problem, see attached screenshot.",
          "Is there any update? It's been 3 days.",
          "{AFIRST}, can you please escalate this?",
          "The charge on {L:DATE} was made with card {CARD}, which I cancelled in {L:DATE}.",
          "I'm the payroll admin, the employee's SSN is {SSN} and the system says it's invalid.",
          "My SSN: {SSN}. Date of birth {L:DATE}.",
          "Please charge {L:AMOUNT} to {CARD} and send the receipt to {CEMAIL}.",
          "Account holder {CNAME}, IBAN {IBAN}, BIC DEUTDEFFXXX.",
          "Refund to card {CARD} please, not to the IBAN.");

  static final List<String> AGENT =
      List.of(
          "Called cx {CNAME} on {CPHONE}, no answer, left VM.",
          "cx confirmed email {CEMAIL}, sent reset link",
          "Spoke w/ {CFIRST}, verified identity. SSN given on call: {SSN} - pls scrub",
          "Cx read out card {CARD} over the phone, advised never to share it in tickets.",
          "Refund of {L:AMOUNT} approved to IBAN {IBAN}.",
          "Repro'd on {L:VERSION}, not on {L:VERSION}. Collab w/ {ANAME}.",
          "Per {CFIRST}, issue started after {L:KB_NUMBER} was installed on {L:DATE}.",
          "Escalated to {XNAME} (EEE), ref {L:TICKET_NUMBER}. {L:MENTION} pls review.",
          "Logs collected from {IP} ({HOST}), correlation id {L:GUID}.",
          "Cx says MAC {MAC} is the dock, not the laptop.",
          "Customer pasted a secret in chat: {SECRET} -- asked them to rotate it.",
          "FYI new billing contact is {XNAME}, {XEMAIL}, {XPHONE}.",
          "Next steps: follow up {WEEKDAY} at {L:TIMESTAMP}.",
          "Checked sign-in logs: failures from {IP} and {IP}, error {L:HRESULT}.",
          "Sent KB link {L:URL}",
          "Cx prefers callback to {CPHONE} after 3pm {CITY} time.",
          "Dup of {L:TICKET_NUMBER}. Closing.",
          "Asked cx to run sfc /scannow and DISM, result {L:HRESULT}.",
          "Device {HOST} ({MAC}) gets {IP} from DHCP but cannot reach {L:DOMAIN}.",
          "{AFIRST} here - took over from {XNAME}. Cx {CNAME} ok with remote session.",
          "TAM {XNAME} ({XEMAIL}) asked for an RCA by {L:DATE}.",
          "Code snippet from cx: {L:CODE} throws NPE.",
          "Hash of the crashing binary: {L:HASH}",
          "Path from cx: {L:FILE_PATH}",
          "cx wrote the address as {CEMAIL} in the web form, corrected.",
          "Bank rejected refund, IBAN on file {IBAN} invalid per cx? double-check.",
          "card {CARD} declined x3, cx will call bank",
          "Cx {CNAME} ({CEMAIL}) is the global admin.",
          "Callback number {CPHONE}, alt {PHONE}.",
          "SR {L:TICKET_NUMBER} linked. OID {L:OID} in the SNMP trap.",
          "Pinged {L:MENTION} in Teams, waiting.",
          "Agent version {L:SEMVER}, OS build {L:VERSION}.",
          "No PII in logs per cx, but the dump had {SSN} in it. Deleted.",
          "Cx IP {IP}, public {IP}.",
          "spoke to {NAME} at {COMPANY}, they will send logs",
          "Cx gave card {CARD} for the replacement order {L:TICKET_NUMBER}.",
          "W-2 mismatch: SSN on file {SSN}, cx says correct one is {SSN}.",
          "Also, {L:AT_PHRASE}.");

  static final List<String> LOGS =
      List.of(
          "{L:TIMESTAMP} [ERROR] [{L:GUID}] Authentication failed for user {CEMAIL!} from {IP!}",
          "{L:TIMESTAMP} INFO  Request {L:GUID} completed in {MS} ms, status 200, client {IP!}:{PORT}",
          "{L:TIMESTAMP} WARN  Retrying connection to {IP!}:{PORT} (attempt {N}/5)",
          "{L:TIMESTAMP}, Error                 CBS    Failed to resolve package 'Package_for_{L:KB_NUMBER}~31bf3856ad364e35~amd64~~{L:VERSION}' [HRESULT = {L:HRESULT}]",
          "{L:TIMESTAMP} {HOST} sshd[{PID}]: Failed password for invalid user {USER} from {IP!} port {PORT} ssh2",
          "{L:TIMESTAMP} dhcpd[{PID}]: DHCPACK on {IP!} to {MAC!} ({HOST}) via eth0",
          "{L:TIMESTAMP} postfix/smtp[{PID}]: to=<{EMAIL!}>, relay=none, status=bounced (550 5.1.1 user unknown)",
          "   at Contoso.Billing.InvoiceService.Process(Invoice invoice) in {L:FILE_PATH}:line {N}",
          "   {FRAME}",
          "   {FRAME}",
          "{L:TIMESTAMP} {IP!} GET /api/v2/orders/{L:TICKET_NUMBER} - 443 {CEMAIL!} {IP!} Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 0 0 {MS}",
          "Event ID 4625: An account failed to log on. Account Name: {USER} Source Network Address: {IP!} Logon Type: 3",
          "{L:TIMESTAMP} AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: {L:GUID} Correlation ID: {L:GUID}",
          "{L:TIMESTAMP} [Info] Agent version {L:VERSION}, OS {L:VERSION}, host {HOST}",
          "{L:TIMESTAMP} [Info] Loaded assembly Contoso.Core ({L:VERSION}), Culture=neutral, PublicKeyToken={PKT}",
          "{L:TIMESTAMP} config loaded: {SECRET}",
          "{L:TIMESTAMP} DEBUG env {SECRET}",
          "   Physical Address. . . . . . . . . : {MAC!}",
          "   IPv4 Address. . . . . . . . . . . : {IP!}(Preferred)",
          "   Default Gateway . . . . . . . . . : {IP!}",
          "{L:TIMESTAMP} kubelet[{PID}]: pod web-7d9f8b6c4-xk2lp sandbox IP {IP!} node {HOST}",
          "{L:TIMESTAMP} ERROR SqlException ({L:HRESULT}): Login failed for user '{USER}'. ClientConnectionId:{L:GUID}",
          "x-ms-correlation-request-id: {L:GUID}",
          "ts={L:TIMESTAMP} level=error msg=\"upstream timed out\" upstream={IP!}:{PORT} request_id={L:HASH}",
          "{IP!} - - {L:TIMESTAMP} \"POST /login HTTP/1.1\" 401 {N} \"-\" \"curl/8.4.0\"",
          "{L:TIMESTAMP} Outlook {L:VERSION} MAPI error {L:HRESULT} for mailbox {CEMAIL!}",
          "{L:TIMESTAMP} sync: uploading {L:FILE_PATH} ({L:AMOUNT}) for {CEMAIL!}",
          "{L:TIMESTAMP} WU: Installing {L:KB_NUMBER} failed with {L:HRESULT}",
          "{L:TIMESTAMP} arp: {IP!} moved from {MAC!} to {MAC!} on eth1",
          "{L:TIMESTAMP} audit: user {CEMAIL!} changed mobile to {CPHONE!}",
          "{L:TIMESTAMP} payment: charge failed card={CARD!} code=do_not_honor",
          "{L:TIMESTAMP} INFO ip6 neighbor {IP!} reachable via {HOST}",
          "{L:TIMESTAMP} npm ERR! 404 Not Found - GET https://registry.npmjs.org/{L:CODE}",
          "{L:TIMESTAMP} [trace] build {L:SEMVER} commit {L:HASH}");

  static final List<String> FRAMES =
      List.of(
          "at System.Net.Http.HttpClient.SendAsync(HttpRequestMessage request)",
          "at Microsoft.Identity.Client.Internal.Requests.RequestBase.RunAsync(CancellationToken ct)",
          "at com.contoso.billing.InvoiceService.process(InvoiceService.java:214)",
          "at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:197)",
          "at Contoso.Sync.Uploader.UploadAsync(String path)",
          "at java.base/java.net.Socket.connect(Socket.java:633)");

  static final List<String> LOG_INTROS =
      List.of(
          "Here is the log:",
          "here's what the log says",
          "Log excerpt below.",
          "I copied this from the event viewer:",
          "Output of ipconfig /all and the app log:",
          "see logs",
          "Relevant lines from {L:FILE_PATH}:",
          "This is what we get:",
          "Log attached (pasted because the upload fails):");

  static final List<String> LOG_OUTROS =
      List.of(
          "Any idea what's wrong?",
          "Please advise.",
          "It happens every time.",
          "",
          "Let me know if you need more.",
          "thx",
          "We need this fixed today.");

  static final List<String> CLOSINGS =
      List.of(
          "Thanks,",
          "Thanks!",
          "Regards,",
          "Best regards,",
          "Kind regards,",
          "Cheers,",
          "BR",
          "Thank you",
          "Mit freundlichen Grüßen",
          "Saludos,",
          "Cordialement,",
          "thx");

  static final List<String> CUSTOMER_SIGNATURES =
      List.of(
          "{CNAME}",
          "{CFIRST}",
          "{CNAME}\n{TITLE} | {COMPANY}\nT: {CPHONE} | M: {PHONE}\n{CEMAIL}\n{STREET}, {CITY}",
          "{CNAME}\n{COMPANY}\n{CPHONE}",
          "--\n{CNAME}\nSent from my iPhone",
          "{CFIRST}\n\nSent from Outlook for Android",
          "{CNAME} | {TITLE}\n{COMPANY} | {STREET} | {CITY}\nPhone {CPHONE} | {CEMAIL}");

  static final List<String> AGENT_SIGNATURES =
      List.of(
          "{ANAME}\n{TITLE}\nContoso Support | Mon-Fri 9:00-17:30 CET\nDirect: {APHONE!}\nEmail: {AEMAIL!}",
          "{ANAME}\nSupport Engineer\n{AEMAIL!} | {APHONE!}\nCase {L:TICKET_NUMBER}",
          "{AFIRST}\nContoso Customer Support",
          "{ANAME}\nTechnical Support | Contoso\nPlease keep the case number {L:TICKET_NUMBER} in the subject.");

  static final List<String> DISCLAIMERS =
      List.of(
          "This e-mail and any attachments are confidential and intended solely for the addressee. If you received it in error, please notify the sender at {SUPPORT} and delete it.",
          "Please consider the environment before printing this email.",
          "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender.",
          "");
}
