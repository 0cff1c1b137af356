// bench/transforms.sh: parse, transforms and FO of a project timed warm in one JVM, one paragraph added before each run.
import java.util.*;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Resident;

public class TransformsBench {
  public static void main(String[] a) throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of(a[0]);
    Resident resident = Resident.fresh();
    int n = Integer.parseInt(a[1]);
    java.nio.file.Path edit = a.length > 2 && !a[2].isEmpty() ? java.nio.file.Path.of(a[0]).resolve(a[2]) : null;
    Map<String, List<Long>> stages = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (edit != null) java.nio.file.Files.writeString(edit, "\n\nA paragraph added by run " + i + ".\n",
          java.nio.file.StandardOpenOption.APPEND);
      // a world per build, as book watch makes one (a world keeps the fingerprints of files for its build)
      Pipeline.FoResult r = Pipeline.fo(DiskWorld.of(root), new Diagnostics(), Pipeline.Edition.BASE, resident);
      if (i < n / 2) continue;
      for (var e : r.timings().entries()) {
        stages.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(e.cpuMs() > 0 ? e.cpuMs() : e.ms());
      }
    }
    StringBuilder out = new StringBuilder();
    for (var e : stages.entrySet()) {
      List<Long> v = e.getValue();
      Collections.sort(v);
      long median = v.get(v.size() / 2);
      if (!e.getKey().startsWith("transform.") || median >= 3) out.append(e.getKey()).append(' ').append(median).append("  ");
    }
    System.out.println(out.toString().trim());
  }
}
