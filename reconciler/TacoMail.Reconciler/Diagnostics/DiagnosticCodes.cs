namespace TacoMail.Reconciler.Diagnostics;

/// <summary>
/// The stable error codes of <c>tacomail validate</c>. Codes are never reused for another
/// meaning, so that users can search for them and CI logs stay comparable across versions.
/// Groups: TM00x files, TM01x YAML, TM02x schema, TM03x–TM05x semantic rules. Each code is
/// explained, with an example and its fix, in <c>docs/diagnostics.md</c>. A code is an error
/// unless its summary says it is a warning (<see cref="DiagnosticSeverity.Warning"/>).
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>The config directory does not exist.</summary>
    public const string DirectoryNotFound = "TM001";

    /// <summary>The config directory holds no <c>*.yaml</c> or <c>*.yml</c> file.</summary>
    public const string NoConfigFiles = "TM002";

    /// <summary>The config directory has no <c>tacomail.yaml</c> (or <c>tacomail.yml</c>).</summary>
    public const string MainConfigMissing = "TM003";

    /// <summary>Both <c>tacomail.yaml</c> and <c>tacomail.yml</c> exist.</summary>
    public const string MainConfigAmbiguous = "TM004";

    /// <summary>A file cannot be read, or is not UTF-8 text.</summary>
    public const string FileUnreadable = "TM005";

    /// <summary>The file is not valid YAML (syntax error, or nested too deeply).</summary>
    public const string YamlSyntax = "TM010";

    /// <summary>The file is empty or holds only comments.</summary>
    public const string EmptyFile = "TM011";

    /// <summary>A key appears twice in the same mapping.</summary>
    public const string DuplicateKey = "TM012";

    /// <summary>The file holds more than one YAML document (<c>---</c>).</summary>
    public const string MultipleDocuments = "TM013";

    /// <summary>A YAML alias (<c>*name</c>) or merge key (<c>&lt;&lt;</c>) is used; they are not supported.</summary>
    public const string AliasNotSupported = "TM014";

    /// <summary>A YAML tag other than <c>!!str</c>, <c>!!map</c> or <c>!!seq</c> is used.</summary>
    public const string UnsupportedTag = "TM015";

    /// <summary>A mapping key is a list or a mapping instead of a scalar.</summary>
    public const string ComplexKey = "TM016";

    /// <summary>A key that the schema does not allow here (often a typo).</summary>
    public const string UnknownKey = "TM020";

    /// <summary>A value of the wrong type (e.g. text where a list is expected).</summary>
    public const string WrongType = "TM021";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "TM022";

    /// <summary>A value is not one of the allowed values (e.g. <c>state</c>).</summary>
    public const string NotAllowedValue = "TM023";

    /// <summary>A value breaks a schema constraint: out of range, empty, too short or long, wrong format.</summary>
    public const string ConstraintViolated = "TM024";

    /// <summary>A domain file's <c>domain</c> is not listed in <c>tacomail.yaml</c> <c>domains</c>.</summary>
    public const string UndeclaredDomain = "TM030";

    /// <summary>A destination is not listed in <c>tacomail.yaml</c> <c>destinations</c>.</summary>
    public const string UndeclaredDestination = "TM031";

    /// <summary>An alias has no destination and its file has no <c>default_destination</c>.</summary>
    public const string NoDestination = "TM032";

    /// <summary>The same address is declared twice (in one file or across files).</summary>
    public const string DuplicateAddress = "TM033";

    /// <summary>A local part is not a valid dot-atom (empty, too long, a forbidden character or dot).</summary>
    public const string InvalidLocalPart = "TM034";

    /// <summary>A local part contains a sub-address separator (<c>+</c>, <c>#</c>, <c>=</c>, <c>--</c>).</summary>
    public const string SubAddressSeparator = "TM035";

    /// <summary>A local part has upper-case letters.</summary>
    public const string UpperCaseLocalPart = "TM036";

    /// <summary>A domain name is invalid.</summary>
    public const string InvalidDomain = "TM037";

    /// <summary>The reserved name <c>tacomail-config</c> is used as a domain.</summary>
    public const string ReservedName = "TM038";

    /// <summary>A destination or the bounce sender is neither a valid e-mail address nor <c>S3</c>.</summary>
    public const string InvalidDestination = "TM039";

    /// <summary>A domain is listed twice in <c>domains</c> (compared in punycode, lower case).</summary>
    public const string DuplicateDomain = "TM040";

    /// <summary>A destination is listed twice in <c>destinations</c>.</summary>
    public const string DuplicateDestination = "TM041";

    /// <summary>A <c>moved</c> entry's <c>to</c> is not a declared alias.</summary>
    public const string MoveTargetUndeclared = "TM042";

    /// <summary>A <c>moved</c> entry's <c>from</c> is still a declared alias.</summary>
    public const string MoveSourceStillDeclared = "TM043";

    /// <summary>Two <c>moved</c> entries have the same <c>from</c>.</summary>
    public const string DuplicateMoveSource = "TM044";

    /// <summary><c>moved</c> entries form a chain or a cycle.</summary>
    public const string MoveChain = "TM045";

    /// <summary>Two <c>moved</c> entries have the same <c>to</c>.</summary>
    public const string DuplicateMoveTarget = "TM046";

    /// <summary>The feedback address (<c>feedback_address</c>, else <c>bounce_sender</c>) is not on a declared domain.</summary>
    public const string FeedbackAddressNotReceived = "TM047";

    /// <summary>A destination is on a domain this configuration receives: mail would loop.</summary>
    public const string DestinationLoop = "TM048";

    /// <summary><c>queue_lifetime</c> is shorter than 1h, longer than 100d, or too large to be a duration.</summary>
    public const string QueueLifetimeOutOfRange = "TM049";

    /// <summary>
    /// An alias name (or a <c>moved</c> entry's <c>to</c>) has the form reserved for reverse
    /// addresses: <c>reply.</c> and 20 characters a–z, 2–7.
    /// </summary>
    public const string ReverseAddressForm = "TM050";

    /// <summary>An alias's <c>expires</c> is not a date nor a date-time with an offset, or is no real day or time.</summary>
    public const string ExpiryInvalid = "TM051";

    /// <summary>An alias has <c>then</c> but no <c>expires</c>.</summary>
    public const string ThenWithoutExpiry = "TM052";

    /// <summary>
    /// A warning: an alias's <c>expires</c> has passed, so plans make it what <c>then</c> says; the
    /// YAML still reads as if it did what <c>state</c> says.
    /// </summary>
    public const string AliasExpired = "TM053";

    /// <summary>A warning: an alias's <c>then</c> is its <c>state</c>, so its <c>expires</c> changes nothing.</summary>
    public const string ExpiryWithoutEffect = "TM054";
}
