package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 8: web addresses into the project's own repository map back to its files. */
class RepositoryLinksTest {
  private final RepositoryLinks links = RepositoryLinks.of("https://github.com/Owner/Course");

  @Test
  void blobRawAndRawGithubusercontentForms() {
    assertEquals("img/a.png", links.candidates("https://github.com/owner/course/blob/main/img/a.png").get(0));
    assertEquals("img/a.png", links.candidates("https://github.com/Owner/Course/blob/main/img/a.png?raw=true").get(0));
    assertEquals("img/a.png", links.candidates("https://github.com/Owner/Course/raw/main/img/a.png").get(0));
    assertEquals("img/a.png", links.candidates("https://raw.githubusercontent.com/Owner/Course/main/img/a.png").get(0));
    assertEquals("img/a.png", links.candidates("https://raw.githubusercontent.com/Owner/Course/refs/heads/main/img/a.png").get(0));
    assertEquals("img/a b.png", links.candidates("https://raw.githubusercontent.com/Owner/Course/main/img/a%20b.png").get(0));
  }

  @Test
  void bookInASubFolderAndBranchWithSlashes() {
    List<String> c = links.candidates("https://github.com/Owner/Course/blob/main/book/img/a.png");
    assertTrue(c.indexOf("book/img/a.png") < c.indexOf("img/a.png") && c.contains("img/a.png"), c.toString());
    assertTrue(links.candidates("https://github.com/Owner/Course/blob/feature/x/img/a.png").contains("img/a.png"));
  }

  @Test
  void pagesSiteOfTheRepository() {
    assertEquals("images/fig.png", links.candidates("https://owner.github.io/Course/images/fig.png").get(0));
  }

  @Test
  void otherAddressesAreNotTheProjects() {
    assertTrue(links.candidates("https://github.com/Other/Course/blob/main/img/a.png").isEmpty());
    assertTrue(links.candidates("https://github.com/Owner/Other/blob/main/img/a.png").isEmpty());
    assertTrue(links.candidates("https://example.org/Owner/Course/blob/main/img/a.png").isEmpty());
    assertTrue(links.candidates("https://github.com/Owner/Course/issues/3").isEmpty());
    assertTrue(links.candidates("not a url").isEmpty());
    assertNull(RepositoryLinks.of("https://gitlab.com/owner/course"));
    assertNull(RepositoryLinks.of(""));
    assertNotNull(RepositoryLinks.of("git@github.com:owner/course.git"));
  }
}
