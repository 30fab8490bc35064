/** The example queries GraphiQL opens with, one tab each: the questions the dashboard contract is for. */
export const EXAMPLES = [
  {
    query: `# Ask in plain words: how the question was read, and the answer
query Ask {
  ask(question: "who discussed snapshot restore?") {
    understood message suggestions
    interpretation { kind field topic person summary }
    discussions { meeting { collection path date } people { name } passages { text source { path startLine endLine } } }
  }
}
`,
  },
  {
    query: `# Who discussed a topic, and where exactly?
query Discussions {
  discussions(topic: "snapshot restore") {
    meeting { collection path date } people { name }
    passages { text source { path startLine endLine url } }
  }
}
`,
  },
  {
    query: `# What did we decide about it?
query Decisions { decisions(about: "fuzz smoke tests") { text meeting { path date } source { startLine endLine url } } }
`,
  },
  {
    query: `# Which PRs and issues followed, and how did it move through the meetings?
query FollowUpsAndTimeline {
  followUps(topic: "snapshot restore") { reference { id kind url } firstMeeting { path date } }
  timeline(ref: "snapshot restore") { meeting { date path } decisions { text } }
}
`,
  },
  {
    query: `# Everything one person was part of
query Person { person(name: "Priya Raman") { name aliases handles meetings(first: 10) { date path } topics { name } } }
`,
  },
  {
    query: `# What is indexed, and the latest meetings
query Collections { collections { name meetings firstDate lastDate } meetings(first: 5) { collection path date title } }
`,
  },
];
