#include "extractor_service/article_structure.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

ArticleStructure Analyze(const std::string& text) { return AnalyzeStructure(text, SplitParagraphs(text)); }

TEST(ArticleStructureTest, HeadlineBylineDateAndFurniture) {
  const std::string text =
      "Published 09:10 CET, June 3rd 2023\n"
      "River Levels Fall After Week of Rain\n"
      "Written by | Saturday, June 3rd, 2023\n"
      "By Sam Okafor, Staff Writer\n"
      "The river fell by a metre overnight, officials said on Friday.\n"
      "Related Articles\n"
      "Leave a Comment\n"
      "Contact Sam at sam@example.org\n";
  const ArticleStructure s = Analyze(text);
  EXPECT_EQ(s.title, "River Levels Fall After Week of Rain");
  EXPECT_EQ(s.byline, "Sam Okafor");
  ASSERT_TRUE(s.published.has_value());
  EXPECT_EQ(*s.published, absl::CivilDay(2023, 6, 3));
  ASSERT_EQ(s.skip.size(), 8u);
  EXPECT_TRUE(s.skip[0] && s.skip[1] && s.skip[2] && s.skip[3]);
  EXPECT_FALSE(s.skip[4]);
  EXPECT_TRUE(s.skip[5] && s.skip[6] && s.skip[7]);
}

// An all-numeric date line is the publication date and no headline.
TEST(ArticleStructureTest, NumericDateLine) {
  const std::string text =
      "Ferry Fares Rise Again\n"
      "Published: 21/11/2017\n"
      "Fares on the island routes rose by 4%, the operator said on Monday.\n";
  const ArticleStructure s = Analyze(text);
  EXPECT_EQ(s.title, "Ferry Fares Rise Again");
  EXPECT_EQ(s.published, absl::CivilDay(2017, 11, 21));
  EXPECT_EQ(s.skip, (std::vector<bool>{true, true, false}));  // headline and date line are no body
}

TEST(ArticleStructureTest, AOneParagraphTextOrASentenceIsNotAHeadline) {
  const std::string one = "\u201cThe bridge opens on Monday,\u201d Mayor Ada Quist said.";
  std::vector<TextRange> paragraphs = SplitParagraphs(one);
  ArticleStructure s = AnalyzeStructure(one, paragraphs);
  EXPECT_EQ(s.title, "");
  EXPECT_FALSE(s.skip[0]);

  const std::string two = "The council met on Monday.\nIt voted to close the bridge.\n";
  paragraphs = SplitParagraphs(two);
  s = AnalyzeStructure(two, paragraphs);
  EXPECT_EQ(s.title, "");
  EXPECT_FALSE(s.skip[0]);
}

TEST(ArticleStructureTest, OutletFromDatelineSourceOrCopyright) {
  auto outlet_of = [](const std::string& text) {
    return Analyze(text).outlet;
  };
  EXPECT_EQ(outlet_of("Port Strike Ends\nOSLO (Nordic Wire) - Dock workers returned on Monday.\nMore text.\n"),
            "Nordic Wire");
  EXPECT_EQ(outlet_of("Port Strike Ends\nDock workers returned on Monday.\nSource: The Harbour Times\n"),
            "The Harbour Times");
  EXPECT_EQ(outlet_of("Port Strike Ends\nDock workers returned on Monday.\n\xC2\xA9 2026 Example Media Group. "
                      "All rights reserved.\n"),
            "Example Media Group");
  // A parenthesis later in the body is not a dateline.
  EXPECT_EQ(outlet_of("Port Strike Ends\nDock workers returned.\nThe union (UDW) - which won - cheered.\n"), "");
}

// "NEW DELHI: ..." is a dateline as "GENEVA - ..." is; a colon after a
// word in lower case is not.
TEST(ArticleStructureTest, DatelineWithAColon) {
  const std::string text = "NEW DELHI: The ministry said the courts would open.";
  EXPECT_EQ(AfterDateline(text, 0, static_cast<uint32_t>(text.size())), 11u);
  const std::string other = "Update: The ministry said the courts would open.";
  EXPECT_EQ(AfterDateline(other, 0, static_cast<uint32_t>(other.size())), 0u);
  // Wire copy's double hyphen.
  const std::string xinhua = "BEIJING, Feb. 14 (Xinhua) -- China urged restraint.";
  EXPECT_EQ(AfterDateline(xinhua, 0, static_cast<uint32_t>(xinhua.size())), xinhua.find("China"));
  // An agency's dateline in title case with no dash; not a name with a
  // parenthesis in running text.
  const std::string agency = "New Delhi, Mar 3 (PTI) The government will set up new courts.";
  EXPECT_EQ(AfterDateline(agency, 0, static_cast<uint32_t>(agency.size())), agency.find("The"));
  const std::string dotted = "Mumbai, Sept. 14 (IANS) Rains lashed the city.";
  EXPECT_EQ(AfterDateline(dotted, 0, static_cast<uint32_t>(dotted.size())), dotted.find("Rains"));
  for (const std::string plain : {"Ana Lima, Acme (AC) Chair, said the courts would open.",
                                  "Ana Lima, May Ek (PTI) The rest.", "Ana Lima, March 3 (of the PTI) said."}) {
    EXPECT_EQ(AfterDateline(plain, 0, static_cast<uint32_t>(plain.size())), 0u) << plain;
  }
}


// A live blog's time stamp opens its entry as a dateline does.
TEST(ArticleStructureTest, LiveBlogTimeStamps) {
  // (The normaliser writes an em dash as a hyphen between spaces.)
  for (const std::string stamp : {"22:30 \u2014 ", "22:30  -  ", "9.45am: ", "10:05 GMT - ", "7.15 pm \u2013 "}) {
    const std::string text = stamp + "The minister said the polls had closed.";
    EXPECT_EQ(AfterDateline(text, 0, static_cast<uint32_t>(text.size())), text.find("The")) << stamp;
  }
  // A number in running text is no time stamp.
  for (const std::string text : {"22.5 percent of voters stayed home.", "10:05 was when the polls closed."}) {
    EXPECT_EQ(AfterDateline(text, 0, static_cast<uint32_t>(text.size())), 0u) << text;
  }
}

// A dateline with a full date dates the article when no line above it
// does; a date line above it wins, and a dateline without a year dates
// nothing.
TEST(ArticleStructureTest, DatedDateline) {
  const ArticleStructure wire =
      Analyze("Talks Collapse\nPARIS, 17 May 2023 (Nordic Wire) - Talks broke down on Wednesday, envoys said.\n");
  ASSERT_TRUE(wire.published.has_value());
  EXPECT_EQ(*wire.published, absl::CivilDay(2023, 5, 17));
  const ArticleStructure us = Analyze("Freeze Criticised\nWASHINGTON, March 4, 2025 - Senators criticised it.\n");
  ASSERT_TRUE(us.published.has_value());
  EXPECT_EQ(*us.published, absl::CivilDay(2025, 3, 4));
  const ArticleStructure both =
      Analyze("Freeze Criticised\nMarch 5, 2025\nWASHINGTON, March 4, 2025 - Senators criticised it.\n");
  EXPECT_EQ(both.published, absl::CivilDay(2025, 3, 5));
  EXPECT_FALSE(Analyze("Freeze Criticised\nPARIS, May 17 (Nordic Wire) - Talks broke down.\n").published.has_value());
}

// Agency copy: "By MARK ELLIS Associated Press" is a name in capitals and
// the outlet; a dateline's agency before a padded em dash is the outlet.
TEST(ArticleStructureTest, AgencyBylinesAndDatelines) {
  const ArticleStructure byline =
      Analyze("Gun Law Signed\nBy MARK O'NEILL-ROSS Associated Press\nThe governor signed the law, aides said.\n");
  EXPECT_EQ(byline.byline, "Mark O'Neill-Ross");
  EXPECT_EQ(byline.outlet, "Associated Press");
  const ArticleStructure plain = Analyze("Gun Law Signed\nBy Mark Ellis\nThe governor signed the law, aides said.\n");
  EXPECT_EQ(plain.byline, "Mark Ellis");
  EXPECT_EQ(plain.outlet, "");
  // (The normaliser writes an em dash as a hyphen padded with spaces.)
  const ArticleStructure dateline =
      Analyze("Gun Law Signed\nSACRAMENTO, Calif. (AP)  -  The governor signed the law on Tuesday.\n");
  EXPECT_EQ(dateline.outlet, "AP");
}
}  // namespace
}  // namespace claims::extractor
