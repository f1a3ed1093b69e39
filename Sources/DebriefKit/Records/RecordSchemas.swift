/// The columns of each table, as the playbook's first fifty minutes ask for them. The first
/// column of each names the row and is the only required one: a file may hold any subset
/// of the rest. Aliases are the header names platform exports and agency sheets use.
/// README.md ("Tables of numbers") lists them; keep it in step.
public enum RecordSchemas {
    public static let kpis: [RecordColumn] = [
        RecordColumn("kpi", "KPI", .text, aliases: ["metric", "name", "kpi name", "measure"],
                     required: true, priority: 1),
        // `KPI, Goal, Actual` is the commonest sheet: its goal is the target.
        RecordColumn("target", "Target", .number, aliases: ["goal", "goal value", "planned", "plan", "objective", "target value"],
                     priority: 1, negative: true),
        RecordColumn("actual", "Actual", .number, aliases: ["result", "achieved", "actual value", "value", "delivered"],
                     priority: 1, negative: true),
        RecordColumn("unit", "Unit", .choice(KPIUnit.options), aliases: ["units", "format"], priority: 5),
        RecordColumn("better", "Better", .choice(KPIDirection.options),
                     aliases: ["direction", "better if", "good direction"], priority: 6),
        RecordColumn("target_source", "Target source", .choice(TargetSource.options),
                     aliases: ["source", "confidence", "target confidence", "basis", "target basis", "based on"],
                     priority: 2),
        RecordColumn("comment", "Comment", .text, aliases: ["notes", "note", "comments", "remark"], priority: 7),
        RecordColumn.currency,
    ]

    public static let creators: [RecordColumn] = [
        RecordColumn("handle", "Handle", .text,
                     aliases: ["creator", "influencer", "account", "username", "user name", "creator handle", "name"],
                     required: true, priority: 1),
        RecordColumn("platform", "Platform", .text, aliases: ["network", "channel", "social network"], priority: 3),
        RecordColumn("tier", "Tier", .choice(CreatorTier.options), aliases: ["size", "creator tier"], priority: 4),
        RecordColumn("followers", "Followers", .number,
                     aliases: ["follower count", "followers at campaign", "audience", "subscribers", "audience size"],
                     priority: 3),
        RecordColumn("format", "Format", .text, aliases: ["content type", "post type", "deliverable"], priority: 5),
        RecordColumn("sponsored_er", "Sponsored ER", .percent,
                     aliases: ["er", "engagement rate", "eng rate", "sponsored engagement", "sponsored engagement rate",
                               "campaign er", "post er"],
                     priority: 1),
        RecordColumn("organic_er", "Organic ER", .percent,
                     aliases: ["organic engagement rate", "organic engagement", "usual er", "baseline er", "avg er",
                               "average er", "organic eng rate"],
                     priority: 2),
        RecordColumn("clicks", "Clicks", .number, aliases: ["link clicks", "clicks from link"], priority: 3),
        RecordColumn("conversions", "Conversions", .number,
                     aliases: ["conv", "sales", "orders", "purchases", "signups", "sign ups"], priority: 3),
        RecordColumn("fee", "Fee", .money, aliases: ["cost", "rate", "payment", "paid", "spend", "price"], priority: 2),
        RecordColumn("draft_on_time", "Draft on time", .yesNo,
                     aliases: ["on time", "first draft on time", "draft on time?", "deadline met", "on schedule"],
                     priority: 6),
        RecordColumn("revisions", "Revisions", .number, aliases: ["revision rounds", "rounds", "edits"], priority: 6),
        RecordColumn("rating", "Rating", .rating,
                     aliases: ["execution rating", "execution", "score", "rating 1 5", "quality"], priority: 2),
        RecordColumn("brief_detail", "Brief", .choice(BriefDetail.options),
                     aliases: ["brief detail", "brief quality", "brief type", "brief level"], priority: 5),
        RecordColumn.currency,
    ]

    public static let content: [RecordColumn] = [
        RecordColumn("piece", "Piece", .text,
                     // Names before ids and links: a platform export that has both (YouTube's
                     // `Content` id beside `Video title`) names its rows by the first.
                     aliases: ["title", "video title", "post title", "content piece", "name", "description", "caption",
                               "content", "post", "url", "link", "permalink", "video link", "post link"],
                     required: true, priority: 1),
        RecordColumn("creator", "Creator", .text, aliases: ["handle", "influencer", "account", "username", "account username"],
                     priority: 2),
        RecordColumn("platform", "Platform", .text, aliases: ["network", "channel"], priority: 4),
        RecordColumn("format", "Format", .text, aliases: ["content type", "post type", "type"], priority: 4),
        RecordColumn("posted", "Posted", .text, aliases: ["posted on", "publish time", "publish date", "published",
                                                          "post time", "video publish time", "posted at", "date", "time"],
                     priority: 6),
        RecordColumn("views", "Views", .number, aliases: ["plays", "video views", "total views"], priority: 3),
        RecordColumn("reach", "Reach", .number, aliases: ["accounts reached"], priority: 3),
        RecordColumn("impressions", "Impressions", .number, aliases: ["impr"], priority: 5),
        RecordColumn("engagements", "Engagements", .number, aliases: ["interactions", "total engagements"], priority: 5),
        RecordColumn("er", "ER", .percent, aliases: ["engagement rate", "eng rate"], priority: 2),
        RecordColumn("clicks", "Clicks", .number, aliases: ["link clicks"], priority: 3),
        RecordColumn("conversions", "Conversions", .number, aliases: ["conv", "sales", "orders"], priority: 4),
        RecordColumn("hook", "Hook", .text, aliases: ["first line", "opening", "first 3 seconds"], priority: 5),
        RecordColumn("brand_timing", "Brand appears", .text,
                     aliases: ["brand mention", "brand timing", "brand at", "brand mention timing", "brand appears at"],
                     priority: 6),
        RecordColumn("comments", "Comments said", .text,
                     aliases: ["comment sentiment", "sentiment", "comments said", "what comments said"], priority: 6),
    ]
}

/// How a KPI is counted: it decides how its numbers read (`18,400`, `3.1%`, `€0.41`).
public enum KPIUnit: String, CaseIterable, Sendable {
    case count, percent, money

    static let options = [
        ChoiceOption("count", aliases: ["number", "#", "n"]),
        ChoiceOption("percent", aliases: ["%", "pct", "percentage", "rate"]),
        ChoiceOption("money", aliases: ["currency", "€", "$", "£", "eur", "usd", "gbp", "cost"]),
    ]
}

/// Whether more is better (reach) or less is (cost per engagement): it decides miss or beat.
public enum KPIDirection: String, CaseIterable, Sendable {
    case higher, lower

    static let options = [
        ChoiceOption("higher", aliases: ["up", "more", "higher is better", "max", "maximise", "maximize"]),
        ChoiceOption("lower", aliases: ["down", "less", "lower is better", "min", "minimise", "minimize"]),
    ]
}

/// How solid a target was: a stretch target missed is not a benchmark missed.
public enum TargetSource: String, CaseIterable, Sendable {
    case historical, estimate, client

    static let options = [
        ChoiceOption("historical", aliases: ["historical data", "history", "data", "benchmark", "past campaigns"]),
        ChoiceOption("estimate", aliases: ["rough estimate", "estimated", "guess", "rough"]),
        ChoiceOption("client", aliases: ["client set", "client-set", "client imposed", "client-imposed", "client target"]),
    ]
}

/// Creator size by followers (the playbook's four tiers).
public enum CreatorTier: String, CaseIterable, Sendable {
    case nano, micro, mid, macro

    static let options = [
        ChoiceOption("nano"), ChoiceOption("micro"),
        ChoiceOption("mid", aliases: ["mid-tier", "mid tier", "midtier", "medium"]),
        ChoiceOption("macro", aliases: ["mega", "celebrity"]),
    ]

    /// The tier a follower count falls in, when a file gives followers but no tier:
    /// nano under 10k, micro under 100k, mid under 500k, macro from there.
    public static func of(followers: Double) -> CreatorTier {
        switch followers {
        case ..<10_000: .nano
        case ..<100_000: .micro
        case ..<500_000: .mid
        default: .macro
        }
    }
}

/// How detailed the brief a creator received was.
public enum BriefDetail: String, CaseIterable, Sendable {
    case detailed, standard, vague

    static let options = [
        ChoiceOption("detailed", aliases: ["detail", "full", "thorough", "high"]),
        ChoiceOption("standard", aliases: ["medium", "normal", "average"]),
        ChoiceOption("vague", aliases: ["light", "loose", "minimal", "low"]),
    ]
}
