/** The URL each saved page was saved at (tests/fixtures/pages/README.md). */
export const FIXTURE_URLS: Readonly<Record<string, string>> = {
  'linkedin/profile-2024-own.html': 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
  'linkedin/profile-2024-a.html': 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
  'linkedin/profile-2024-b.html': 'https://www.linkedin.com/in/abgargulo/',
  'linkedin/profile-2024-public-a.html': 'https://se.linkedin.com/in/abgargulo',
  'linkedin/messaging-thread-2023-overlay-a.html':
    'https://www.linkedin.com/messaging/thread/2-MTY3NjY0MTQ0MDkzOWI1ODc2OS0wMDQmY2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==/',
  'linkedin/post-comments-2021-a.html': 'https://www.linkedin.com/feed/update/urn:li:activity:6765026591211839488/',
  'linkedin/feed-activity-2021-a.html':
    'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/detail/recent-activity/',
  'linkedin/search-results-2025-a.html':
    'https://www.linkedin.com/search/results/people/?keywords=%22Entrepreneurship%20CEO%22',
  'linkedin/profile-2020-topcard-fragment-a.html': 'https://www.linkedin.com/in/rishabh-singh-61b706114/',
  'linkedin/post-public-2026-a.html':
    'https://www.linkedin.com/posts/anduril_rubricrefine-improving-tool-use-agent-reliability-activity-7468765250281046016-5CCd',
  'x/status-2016-legacy-a.html': 'https://twitter.com/KingBeyonceStan/status/745276948213968896',
  'x/status-2017-legacy-own.html': 'https://twitter.com/Kikobeats/status/880139124791029763',
  'x/home-2021-a.html': 'https://twitter.com/home',
  'x/profile-2021-a.html': 'https://twitter.com/huned',
  'x/profile-2026-a.html': 'https://x.com/nikitabier',
  'x/profile-2026-b.html': 'https://x.com/jason',
  'x/status-2026-article-own.html': 'https://x.com/arscontexta/status/2013045749580259680',
  'instagram/post-2017-a.html': 'https://www.instagram.com/p/BWUDBntl3_Z/',
  'instagram/post-2021-a.html': 'https://www.instagram.com/p/CPeC-Eenc8l/',
  'instagram/profile-2021-a.html': 'https://www.instagram.com/pluto__travel/',
  'instagram/profile-2025-a.html': 'https://www.instagram.com/gdg_rbu/',
  'instagram/post-2025-a.html': 'https://www.instagram.com/p/DQq9PJQk4TG/',
  'facebook/post-2025-a.html':
    'https://www.facebook.com/salmanmd.sultan.1/posts/closed%E0%A6%88%E0%A6%A6-%E0%A6%89%E0%A6%AA%E0%A6%B2%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A7%87-system-design-%E0%A6%8F%E0%A6%B0-%E0%A6%AB%E0%A7%8D%E0%A6%B0%E0%A6%BF-course-announcementekhonkar-%E0%A6%B8%E0%A6%AE%E0%A7%9F%E0%A7%87-%E0%A6%8F%E0%A6%AE%E0%A6%A8-%E0%A6%AD%E0%A6%BE%E0%A6%AC%E0%A7%87/3741738029450159/',
  'facebook/page-2019-a.html':
    'https://www.facebook.com/pages/category/Family-Style-Restaurant/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio-1597565460485886/posts/',
  'facebook/post-2018-fragment-a.html': 'https://www.facebook.com/propublica/posts/10156364348124445',
  'facebook/post-2016-fragment-a.html': 'https://www.facebook.com/Lastknight/posts/10154603530677053',
  'facebook/m-post-2021-a.html': 'https://m.facebook.com/story.php?story_fbid=3065154550235644&id=119240841493711',
};
