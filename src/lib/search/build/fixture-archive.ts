/**
 * A small archive for the search tests: each story is there to pin one
 * behaviour (ranking by field, folding, Arabic, phrases, escaping).
 */
import type { StoryText } from '../format/story-record.ts';

/** Texts of the fixture archive; their position is their document id. */
export const FIXTURE_TEXTS: StoryText[] = [
  {
    slug: 'harbour-street-closed-to-cars',
    title: 'Port Alder Closes Harbour Street to Cars',
    subtitle: 'Traders split over the waterfront plan',
    captions: 'Cyclists cross the street during a trial closure (Photo by Marta Kline / AFP)',
    body: 'The council voted nine to four to close the road.\nDelivery vans will be allowed in before 10 a.m.',
  },
  {
    slug: 'ferry-timetable-changes',
    title: 'Ferry Timetable Changes This Winter',
    subtitle: '',
    captions: 'The harbour at dawn, with the ferry terminal behind (Reuters)',
    body: 'Crossings to the islands will run every two hours from December.',
  },
  {
    slug: 'fish-market-reopens',
    title: 'Fish Market Reopens After Repairs',
    subtitle: 'Stalls return to the quay',
    captions: '',
    body: 'Traders on the harbour front said business was slow at first.\nThe market’s roof was replaced after the storm.',
  },
  {
    slug: 'cafe-opens-in-old-bank',
    title: 'Café Opens in the Old Bank on Rue Émile Zola',
    subtitle: '',
    captions: '',
    body: 'The owners kept the very old vault door. “It is a conversation piece,” said the manager.',
  },
  {
    slug: 'arabic-election-story',
    title: 'الانتخابات البلدية في المدينة',
    subtitle: 'إقبال كبير على مراكز الاقتراع',
    captions: '',
    body: 'قال رئيس اللجنة إن النتائج ستُعلن غداً.',
  },
  {
    slug: 'script-in-title',
    title: 'Council Debates <script>alert(1)</script> Filter',
    subtitle: '',
    captions: '',
    body: 'A story whose body shows <img src=x onerror=alert(1)> as text, about a library computer filter.',
  },
  {
    slug: 'rail-strike-called-off',
    title: 'Rail Strike Called Off',
    subtitle: 'Unions accept the new offer',
    captions: '',
    body: 'Commuters welcomed the news very warmly. The ferry and the harbour buses will keep their winter timetable.',
  },
  {
    slug: 'council-budget-vote',
    title: 'Council Budget Vote Delayed',
    subtitle: '',
    captions: '',
    body: 'The city council postponed the vote on the budget, a very late change. Harbour Street works will not be affected, the mayor said.',
  },
];
