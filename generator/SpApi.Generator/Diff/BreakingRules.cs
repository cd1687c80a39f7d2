namespace SpApi.Generator.Diff;

/// <summary>
/// Whether a change breaks C# code that calls the NSwag-generated clients. One place for every rule so the
/// report, the README and the tests agree. Request and response differ because callers
/// build requests but only read responses:
/// a property that becomes required breaks a request (callers must now set it) but not a response;
/// a property that becomes optional breaks a response (the value may be missing and value types turn
/// nullable, so <c>int x = r.Count</c> stops compiling) but not a request.
/// </summary>
public static class BreakingRules
{
    /// <summary>A new API is a new namespace and client: nothing existing changes.</summary>
    public const bool ModelFileAdded = false;

    /// <summary>The namespace and client class disappear.</summary>
    public const bool ModelFileRemoved = true;

    /// <summary>A new method. (Adds a member to the client interface: only hand-written implementations of it break.)</summary>
    public const bool OperationAdded = false;

    /// <summary>The method disappears.</summary>
    public const bool OperationRemoved = true;

    /// <summary>The method gains [Obsolete]: a warning, not an error (unless warnings are errors).</summary>
    public const bool OperationDeprecated = false;

    /// <summary>Rate limits are applied by the pipeline from the regenerated metadata; call sites do not change.</summary>
    public const bool UsagePlanChanged = false;

    /// <summary>XML docs, examples, ordering and vendor extensions do not change any signature.</summary>
    public const bool DocumentationChanged = false;

    /// <summary>
    /// The same C# method now sends the caller's token to another URL: existing calls change meaning without a
    /// compile error, and a path template is where a hostile model update would aim. Always reviewed as breaking.
    /// </summary>
    public const bool PathTemplateChanged = true;

    /// <summary>
    /// A required parameter has no default value, so every call must pass it. Optional parameters are generated
    /// with defaults (NSwag generateOptionalParameters) at the end of the signature.
    /// </summary>
    public static bool ParameterAdded(bool required) => required;

    public const bool ParameterRemoved = true;

    /// <summary>The C# parameter type changes.</summary>
    public const bool ParameterTypeChanged = true;

    /// <summary>Optional to required loses the default value; required to optional keeps call sites compiling.</summary>
    public static bool ParameterRequiredChanged(bool nowRequired) => nowRequired;

    /// <summary>Path, query and header parameters are all plain method arguments; the client moves the value on the wire.</summary>
    public const bool ParameterLocationChanged = false;

    /// <summary>Arguments passed by position would bind to different parameters.</summary>
    public const bool ParameterOrderChanged = true;

    /// <summary>Validation keywords (maxLength, pattern, default, collectionFormat…) become attributes or wire formatting, not types.</summary>
    public const bool ConstraintChanged = false;

    /// <summary>A new property only breaks a request when it is required (callers must set it).</summary>
    public static bool PropertyAdded(bool required, SchemaUse use) => required && use.HasFlag(SchemaUse.Request);

    /// <summary>The C# property disappears, whichever side uses it.</summary>
    public const bool PropertyRemoved = true;

    /// <summary>The C# property (or return) type changes.</summary>
    public const bool PropertyTypeChanged = true;

    /// <inheritdoc cref="BreakingRules" path="/summary"/>
    public static bool PropertyRequiredChanged(bool nowRequired, SchemaUse use) =>
        nowRequired ? use.HasFlag(SchemaUse.Request) : use.HasFlag(SchemaUse.Response);

    /// <summary>A new enum member: existing code compiles (a response may now carry a value old switches don't handle).</summary>
    public const bool EnumValueAdded = false;

    /// <summary>The enum member disappears.</summary>
    public const bool EnumValueRemoved = true;

    /// <summary>A success response that loses its body turns the method's Task&lt;T&gt; into Task; gaining one is compatible.</summary>
    public static bool SuccessBodyChanged(bool nowHasBody) => !nowHasBody;
}
