/// The only place a meeting's state changes. Total: an event that refers to something
/// unknown (a hostile or damaged file) changes nothing rather than failing.
extension MeetingState {
    public static func reduce(_ state: MeetingState, _ event: Event) -> MeetingState {
        var next = state
        next.apply(event)
        return next
    }

    public mutating func apply(_ event: Event) {
        guard !hasEnded else { return }
        let t = max(event.t, lastEventTime)
        lastEventTime = t
        switch event.change {
        case .sectionStarted(let id):
            guard let index = agenda.sectionIndex(id: id) else { return }
            let isFirst = current == nil
            stopClock(at: t)
            current = index
            sections[index].wasVisited = true
            furthestSection = max(furthestSection ?? index, index)
            // The meeting opens on its first section: the moments before its event (start-up)
            // are that section's, so that sections and pauses add up to the whole meeting.
            if !isPaused { runningSince = isFirst ? min(t, pausedTime) : t }
        case .noteAdded(let id, let sectionID, let content):
            guard let section = agenda.sectionIndex(id: sectionID), noteIndex[id] == nil else { return }
            let note = Note(id: id, section: section, t: t, content: content)
            noteIndex[id] = notes.count
            highestNoteID = max(highestNoteID, id)
            visiblePositions[section].append(notes.count)
            problemTally.count(note, by: 1)
            notes.append(note)
            if content.kind == .problem { problemNumbers.assign(id) }
            if !draft.isEmpty { draft = "" }
        case .noteEdited(let id, let content):
            updateNote(id) { $0.content = content }
            if content.kind == .problem, noteIndex[id] != nil { problemNumbers.assign(id) }
        case .noteRemoved(let id):
            updateNote(id) { $0.isRemoved = true }
        case .noteRestored(let id):
            updateNote(id) { $0.isRemoved = false }
        case .noteTagged(let id, let rootCause, let severity):
            let causes = agenda.taxonomy.rootCauses, severities = agenda.taxonomy.severities
            updateNote(id) {
                $0.rootCause = rootCause.flatMap { causes.contains($0) ? $0 : nil }
                $0.severity = severity.flatMap { severities.contains($0) ? $0 : nil }
            }
        case .noteLinked(let id, let problem):
            guard problem == nil || note(id: problem!) != nil else { return }
            updateNote(id) { $0.problem = problem }
        case .noteVisibility(let id, let clientVisible):
            updateNote(id) { $0.clientVisible = clientVisible }
        case .noteLearning(let id, let learning):
            updateNote(id) { $0.isLearning = learning }
        case .learningRewritten(let id, let text):
            let trimmed = text.trimmingWhitespaceAndNewlines()
            updateNote(id) { $0.learningText = trimmed.isEmpty ? nil : trimmed }
        case .clockPaused:
            guard !isPaused else { return }
            stopClock(at: t)
            isPaused = true
            pausedSince = t
        case .clockResumed:
            guard isPaused else { return }
            isPaused = false
            endPause(at: t)
            if current != nil { runningSince = t }
        case .sectionExtended(let id, let minutes):
            guard let index = agenda.sectionIndex(id: id), minutes > 0, minutes <= 600 else { return }
            sections[index].extraMinutes += minutes
        case .agendaRebalanced(let plan):
            // A section's plan replaces its minutes, extensions included; a section named
            // twice, unknown, or given minutes out of range keeps what it had.
            var seen = Set<Int>()
            for entry in plan {
                guard let index = agenda.sectionIndex(id: entry.section), seen.insert(index).inserted,
                      (1...Limits.sectionMinutes).contains(entry.minutes) else { continue }
                sections[index].plannedMinutes = entry.minutes
                sections[index].extraMinutes = 0
            }
        case .draftChanged(let text, let section, let terminal):
            if let terminal {
                // A joined terminal's input, kept so it comes back when that terminal rejoins.
                terminalDrafts[terminal] = text.isEmpty ? nil : TerminalDraft(text: text, section: section)
            } else {
                draft = text
                draftSection = text.isEmpty ? nil : section
            }
        case .recordAdded(let id, let table, let fields):
            guard recordIndex[id] == nil else { return }
            recordIndex[id] = records.count
            highestRecordID = max(highestRecordID, id)
            records.append(Record(id: id, table: table, fields: Record.valid(fields, in: table), t: t))
            noteTableWork(on: table, at: t)
        case .recordEdited(let id, let field, let value):
            guard let index = recordIndex[id], let column = records[index].table.column(field) else { return }
            noteTableWork(on: records[index].table, at: t)
            if let value {
                guard column.type.accepts(value) else { return }
                records[index].fields[field] = value
            } else {
                records[index].fields[field] = nil
            }
        case .recordRemoved(let id):
            guard let index = recordIndex[id] else { return }
            records[index].isRemoved = true
            noteTableWork(on: records[index].table, at: t)
        case .recordRestored(let id):
            guard let index = recordIndex[id] else { return }
            records[index].isRemoved = false
            noteTableWork(on: records[index].table, at: t)
        case .meetingEnded:
            stopClock(at: t)
            endPause(at: t)
            endedAt = t
        case .actionCarried(let action):
            guard carriedIndex[action.key] == nil else { return }
            carriedIndex[action.key] = carriedActions.count
            carriedActions.append(action)
        case .actionFollowedUp(let key, let status):
            guard carriedIndex[key] != nil else { return }
            followUps[key] = status
        }
    }

    private mutating func stopClock(at t: Int) {
        if let current, let runningSince {
            sections[current].elapsed += max(0, t - runningSince)
        }
        runningSince = nil
    }

    /// A change to a table while the section that shows it is open covers that section.
    /// Rows imported with `--data` come at the meeting's first instant: the numbers were
    /// brought in, not yet talked through.
    private mutating func noteTableWork(on table: RecordTable, at t: Int) {
        guard t > 0, let current, agenda.sections[current].table == table else { return }
        sections[current].hadTableWork = true
    }

    /// Moves a running pause into `pausedTime`; a meeting that ends paused keeps its pause.
    private mutating func endPause(at t: Int) {
        if let pausedSince { pausedTime += max(0, t - pausedSince) }
        pausedSince = nil
    }

    /// Changes a note and keeps what is derived from the notes (`visiblePositions`,
    /// `problemTally`) in step with it.
    private mutating func updateNote(_ id: Int, _ change: (inout Note) -> Void) {
        guard let index = noteIndex[id] else { return }
        let wasRemoved = notes[index].isRemoved
        problemTally.count(notes[index], by: -1)
        change(&notes[index])
        problemTally.count(notes[index], by: 1)
        guard notes[index].isRemoved != wasRemoved else { return }
        let section = notes[index].section
        // Positions are ascending: a binary search finds this note's place.
        let place = visiblePositions[section].partitioningIndex { $0 >= index }
        if wasRemoved {
            visiblePositions[section].insert(index, at: place)
        } else {
            visiblePositions[section].remove(at: place)
        }
    }
}
