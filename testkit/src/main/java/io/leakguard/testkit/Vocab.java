package io.leakguard.testkit;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Word lists for the generator: international names, companies, domains, products, fillers. */
final class Vocab {
  private Vocab() {}

  static final List<String> FIRST =
      List.of(
          "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
          "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
          "Sarah", "Christopher", "Karen", "Daniel", "Emily", "Matthew", "Ashley", "Anthony",
          "Kimberly", "Steven", "Amanda", "Andrew", "Melissa", "Joshua", "Stephanie", "Kevin",
          "Rebecca", "Brian", "Laura", "Ryan", "Nicole", "Tyler", "Hannah", "Olivia", "Ethan",
          "Chloe", "Liam", "Noah", "Ava", "Sophie", "Oliver", "Harry", "Amelia", "Isla", "Freya",
          "Callum", "Siobhan", "Niamh", "Aoife", "Seán", "Declan", "José", "María", "Lucía",
          "Javier", "Alejandro", "Carmen", "Sofía", "Mateo", "Valentina", "Camila", "Joaquín",
          "João", "Ana", "Thiago", "Beatriz", "Gonçalo", "Inês", "Lukas", "Jürgen", "Anna",
          "Katharina", "Maximilian", "Lena", "Jörg", "Sabine", "Uwe", "Björn", "Søren", "Astrid",
          "Ingrid", "Magnus", "Sigrid", "Elin", "Mikael", "Pieter", "Sanne", "Daan", "Femke",
          "François", "Camille", "Léa", "Hélène", "Théo", "Amélie", "Giulia", "Marco",
          "Francesca", "Alessandro", "Chiara", "Łukasz", "Agnieszka", "Katarzyna", "Paweł",
          "Małgorzata", "Tomasz", "Jiří", "Petra", "Dmitri", "Olga", "Natalia", "Sergei",
          "Yuliia", "Oleksandr", "Mehmet", "Ayşe", "Emre", "Zeynep", "Mohammed", "Fatima",
          "Ahmed", "Aisha", "Omar", "Layla", "Yusuf", "Priya", "Rahul", "Ananya", "Arjun",
          "Deepika", "Sanjay", "Lakshmi", "Vikram", "Wei", "Jing", "Xiaoming", "Hui", "Mei",
          "Haruto", "Yuki", "Sakura", "Takeshi", "Aiko", "Minjun", "Seoyeon", "Jiho", "Minh",
          "Linh", "Thanh", "Huong", "Chinedu", "Ngozi", "Oluwaseun", "Kwame", "Amara",
          "Thandiwe", "Sipho", "Kofi", "Nikos", "Eleni", "Dimitra", "Kai", "Alex", "Sam",
          "Jordan", "Taylor", "Morgan", "Bruno", "Rafael", "Gabriela", "Nadia", "Ivan", "Tereza",
          "Mariam", "Hamza", "Leila", "Reza", "Shirin", "Tariq", "Nomvula", "Ji-woo", "Anh");

  static final List<String> LAST =
      List.of(
          "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
          "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
          "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
          "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker",
          "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
          "Evans", "Turner", "O'Brien", "O'Connor", "McCarthy", "MacLeod", "Fitzgerald", "Murphy",
          "Kelly", "Byrne", "García-López", "Fernández", "Pérez", "Sánchez", "Ramírez", "Torres",
          "Gómez", "Díaz", "Álvarez", "Ruiz", "Silva", "Santos", "Oliveira", "Costa", "Pereira",
          "Ferreira", "Gonçalves", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
          "Wagner", "Becker", "Schäfer", "Hoffmann", "Groß", "van der Berg", "de Vries", "Jansen",
          "Bakker", "Visser", "de Jong", "Janssens", "Peeters", "Dubois", "Lefèvre", "Moreau",
          "Laurent", "Girard", "Rousseau", "Fontaine", "Rossi", "Russo", "Ferrari", "Esposito",
          "Bianchi", "Romano", "Colombo", "Ricci", "Nowak", "Kowalski", "Wiśniewski", "Wójcik",
          "Kowalczyk", "Lewandowski", "Novák", "Svoboda", "Dvořák", "Andersson", "Johansson",
          "Karlsson", "Nilsson", "Eriksson", "Hansen", "Jensen", "Nielsen", "Pedersen", "Larsen",
          "Olsen", "Virtanen", "Korhonen", "Ivanov", "Petrov", "Smirnova", "Kuznetsov",
          "Shevchenko", "Kovalenko", "Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk",
          "Al-Sayed", "Haddad", "Khalil", "Nasser", "Rahman", "Hussain", "Khan", "Patel",
          "Sharma", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Chatterjee", "Wang",
          "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Tanaka", "Suzuki",
          "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Kim", "Park",
          "Choi", "Jung", "Kang", "Nguyen", "Tran", "Pham", "Hoang", "Okafor", "Adeyemi",
          "Mensah", "Okonkwo", "Nkosi", "Dlamini", "Mwangi", "Papadopoulos", "Georgiou",
          "de la Cruz", "dos Santos", "Abdullah", "Hosseini", "Moradi", "Bergström", "Lindqvist");

  static final List<String> MIDDLE_INITIALS = List.of("A.", "J.", "M.", "R.", "K.", "L.", "E.");

  /** Free mail domains of many countries. */
  static final List<String> FREEMAIL =
      List.of(
          "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "yahoo.co.uk", "icloud.com",
          "gmx.de", "web.de", "t-online.de", "orange.fr", "free.fr", "libero.it", "wp.pl",
          "seznam.cz", "mail.ru", "yandex.ru", "qq.com", "163.com", "naver.com",
          "rediffmail.com", "uol.com.br", "bigpond.com.au", "protonmail.com", "live.co.uk",
          "btinternet.com", "comcast.net", "sbcglobal.net", "hotmail.fr", "gmx.at", "bluewin.ch",
          "telenet.be", "ziggo.nl", "shaw.ca", "xtra.co.nz", "yahoo.co.jp");

  /** Company name, mail domain. */
  static final List<String[]> COMPANIES =
      List.of(
          new String[] {"Contoso", "contoso.com"},
          new String[] {"Contoso Ltd.", "contoso.co.uk"},
          new String[] {"Fabrikam, Inc.", "fabrikam.com"},
          new String[] {"Northwind Traders", "northwindtraders.com"},
          new String[] {"Adventure Works", "adventure-works.com"},
          new String[] {"Tailspin Toys", "tailspintoys.com.br"},
          new String[] {"Wide World Importers", "wideworldimporters.com"},
          new String[] {"Litware", "litware.nl"},
          new String[] {"Proseware", "proseware.ie"},
          new String[] {"Woodgrove Bank", "woodgrovebank.com.au"},
          new String[] {"Alpine Ski House", "alpineskihouse.ch"},
          new String[] {"Coho Winery", "cohowinery.com"},
          new String[] {"Lucerne Publishing", "lucernepublishing.com"},
          new String[] {"Trey Research", "treyresearch.net"},
          new String[] {"Blue Yonder Airlines", "blueyonderairlines.com"},
          new String[] {"Müller Logistik GmbH", "mueller-logistik.de"},
          new String[] {"Café Lumière SARL", "cafe-lumiere.fr"},
          new String[] {"Rossi & Figli S.p.A.", "rossiefigli.it"},
          new String[] {"Sakura Trading K.K.", "sakura-trading.co.jp"},
          new String[] {"Nordlys AS", "nordlys.no"},
          new String[] {"Harbor Dental Group", "harbordental.com"},
          new String[] {"Greenfield Pediatrics", "greenfieldpeds.org"},
          new String[] {"Acme Plumbing LLC", "acmeplumbing.us"},
          new String[] {"Kowalski Sp. z o.o.", "kowalski.com.pl"},
          new String[] {"Tanaka Seiko", "tanaka-seiko.jp"},
          new String[] {"Sunrise Realty", "sunriserealty.co.za"},
          new String[] {"Patel & Sons", "patelandsons.co.in"},
          new String[] {"Vertex Analytics", "vertexanalytics.io"},
          new String[] {"Fabrikam Europe", "fabrikam.onmicrosoft.com"},
          new String[] {"Andersson Bygg AB", "anderssonbygg.se"},
          new String[] {"Estudio Gómez", "estudiogomez.es"},
          new String[] {"Hoang Minh Co.", "hoangminh.vn"},
          new String[] {"Maple Leaf Accounting", "mapleleafaccounting.ca"});

  static final List<String> PRODUCTS =
      List.of(
          "Outlook", "Teams", "OneDrive", "Excel", "Word", "the admin portal", "the VPN client",
          "Azure DevOps", "SharePoint", "the mobile app", "Intune", "Exchange Online", "Power BI",
          "the billing page", "Windows 11", "Windows Server 2019", "SQL Server", "the installer",
          "Dynamics 365", "Authenticator", "the desktop app", "Visual Studio", "Edge", "AKS",
          "Azure Storage", "the sync client", "Azure AD Connect", "Defender", "Xbox app");

  static final List<String> CITIES =
      List.of(
          "Seattle", "Redmond", "London", "Dublin", "Berlin", "München", "Paris", "Lyon",
          "Madrid", "São Paulo", "Mexico City", "Toronto", "Sydney", "Bengaluru", "Tokyo",
          "Seoul", "Warszawa", "Praha", "Stockholm", "Oslo", "Amsterdam", "Zürich", "Milano",
          "Istanbul", "Dubai", "Johannesburg", "Lagos", "Nairobi", "Hanoi", "Singapore");

  static final List<String> STREETS =
      List.of(
          "One Microsoft Way", "221B Baker Street", "Hauptstraße 12", "12 rue de la Paix",
          "Calle Mayor 5", "Via Roma 21", "ul. Marszałkowska 84/92", "Keizersgracht 123",
          "4-2-8 Shibakoen", "Avenida Paulista 1578", "Bahnhofstrasse 7", "100 Queen St W",
          "Storgatan 3", "Rua Augusta 274", "22 Nguyen Hue Blvd");

  static final List<String> TITLES =
      List.of(
          "IT Manager", "Office Manager", "Systems Administrator", "Head of Finance",
          "Accounts Payable", "Support Engineer", "Senior Support Engineer",
          "Technical Account Manager", "Escalation Engineer", "Owner", "CTO", "Practice Manager",
          "Network Engineer", "DevOps Lead", "Customer Success Manager");

  static final List<String> EMOJI =
      List.of("🙏", "😡", "👍", "🤷‍♀️", "📎", "😅", "🙂", "‼️", "🔥", "😭", "✅", "👀");

  static final List<String> WEEKDAYS =
      List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  static final List<String> MONTHS =
      List.of(
          "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December");

  static final List<String> HOSTS =
      List.of(
          "web-prod-03", "sql01", "dc02.corp.local", "vm-build-7", "app-gw-eastus",
          "fileserver01", "aks-nodepool1-vmss000002", "exch-hyb-01", "rds-gw", "nas-backup",
          "jenkins-agent-4", "k8s-worker-12", "srv-print-02", "mail.contoso.com");

  static final List<String> SERVICE_USERS =
      List.of(
          "svc_backup", "administrator", "sqladmin", "azureuser", "ec2-user", "root", "sa",
          "svc-sync", "deploy", "builduser", "localadmin");

  static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** ASCII fold for mail local parts: {@code Łukasz Wiśniewski} to {@code lukasz wisniewski}. */
  static String ascii(String s) {
    String t =
        s.replace("ł", "l")
            .replace("Ł", "L")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ß", "ss")
            .replace("ı", "i")
            .replace("æ", "ae");
    t = Normalizer.normalize(t, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 128) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Lower-case letters and digits only. */
  static String slug(String s) {
    String a = ascii(s).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(a.length());
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
