import jdk.jfr.*;
public class ProfReplay { public static void main(String[] a) throws Exception {
  ReplayWork.setup(); for (int i = 0; i < 5; i++) ReplayWork.round();
  Recording rec = new Recording(Configuration.create(java.nio.file.Path.of(System.getProperty("jfc")))); rec.start();
  long t=0; for (int i = 0; i < Integer.parseInt(a[0]); i++) t += ReplayWork.round();
  rec.stop(); rec.dump(java.nio.file.Path.of(System.getProperty("out"))); System.out.println("cpu ms/round " + t / 1e6 / Integer.parseInt(a[0])); }}
