package org.bookbuild.project;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Web addresses that point into the project's own repository, mapped back to the project's files. Given the
 * repository ({@code https://github.com/OWNER/REPO}, from {@code github:} in myst.yml or {@code repository: url:} in
 * _config.yml), these forms name a file of it: {@code github.com/OWNER/REPO/blob/REF/PATH} (also with
 * {@code ?raw=true}), {@code github.com/OWNER/REPO/raw/REF/PATH}, {@code raw.githubusercontent.com/OWNER/REPO/REF/PATH}
 * (REF may be {@code refs/heads/BRANCH}) and the repository's GitHub Pages site {@code OWNER.github.io/REPO/PATH}.
 * Since a branch name may contain slashes and the book may sit in a sub-folder of the repository, {@link #candidates}
 * gives every project path the address could mean, most specific first; the caller takes the first that exists.
 */
public final class RepositoryLinks {
  private final String owner;
  private final String repo;

  private RepositoryLinks(String owner, String repo) {
    this.owner = owner;
    this.repo = repo;
  }

  /** The links of a GitHub repository address, or null when the address is not one. */
  public static RepositoryLinks of(String repositoryUrl) {
    if (repositoryUrl == null || repositoryUrl.isBlank()) return null;
    String s = repositoryUrl.trim().replaceAll("(?i)^git@github\\.com:", "https://github.com/");
    List<String> seg = segments(s, "github.com");
    if (seg == null || seg.size() < 2) return null;
    return new RepositoryLinks(seg.get(0).toLowerCase(Locale.ROOT), seg.get(1).replaceAll("(?i)\\.git$", "").toLowerCase(Locale.ROOT));
  }

  /** Project-relative paths {@code url} may stand for, most likely first; empty when it is not into this repository. */
  public List<String> candidates(String url) {
    URI u;
    try {
      u = URI.create(url.trim().replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    if (u.getHost() == null || u.getRawPath() == null) return List.of();
    String host = u.getHost().toLowerCase(Locale.ROOT);
    List<String> p = split(u.getPath());
    List<String> afterRef; // path segments starting with the ref (branch, tag or commit)
    if (host.equals("github.com") || host.equals("www.github.com")) {
      if (p.size() < 5 || !same(p, 0, owner) || !same(p, 1, repo) || !(p.get(2).equals("blob") || p.get(2).equals("raw"))) return List.of();
      afterRef = p.subList(3, p.size());
    } else if (host.equals("raw.githubusercontent.com")) {
      if (p.size() < 4 || !same(p, 0, owner) || !same(p, 1, repo)) return List.of();
      afterRef = p.subList(2, p.size());
      if (afterRef.size() > 2 && afterRef.get(0).equals("refs") && afterRef.get(1).equals("heads")) afterRef = afterRef.subList(2, afterRef.size());
    } else if (host.equals(owner + ".github.io")) {
      if (p.size() < 2 || !same(p, 0, repo)) return List.of();
      return tails(p.subList(1, p.size()));
    } else {
      return List.of();
    }
    // the ref takes one segment or more (a branch may hold slashes): every split point, the shortest ref first
    Set<String> out = new LinkedHashSet<>();
    for (int refLen = 1; refLen < afterRef.size(); refLen++) out.addAll(tails(afterRef.subList(refLen, afterRef.size())));
    return new ArrayList<>(out);
  }

  /** The path, then the path without its first folder, and so on: the book may live in a sub-folder of the repository. */
  private static List<String> tails(List<String> path) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) out.add(String.join("/", path.subList(i, path.size())));
    return out;
  }

  private static boolean same(List<String> p, int i, String s) {
    return p.get(i).replaceAll("(?i)\\.git$", "").equalsIgnoreCase(s);
  }

  private static List<String> segments(String url, String wantHost) {
    try {
      URI u = URI.create(url);
      if (u.getHost() == null || !u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").equals(wantHost)) return null;
      return split(u.getPath());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    if (path == null) return out;
    for (String s : path.split("/")) if (!s.isEmpty() && !s.equals(".")) out.add(s);
    return out;
  }
}
