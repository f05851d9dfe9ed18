using Newtonsoft.Json.Linq;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Config.Validation;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Tests.Config;

public sealed class SchemaFileTests
{
    [Fact]
    public void EmbeddedSchema_EveryProperty_HasADescription()
    {
        var missing = Properties(ReadSchema())
            .Where(property => ((JObject)property.Value)["description"] is null)
            .Select(property => property.Path)
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EmbeddedSchema_EveryObject_ForbidsAdditionalProperties()
    {
        var open = ReadSchema()
            .DescendantsAndSelf()
            .OfType<JObject>()
            .Where(schema => schema["properties"] is not null && schema["additionalProperties"]?.Type != JTokenType.Boolean)
            .Select(schema => schema.Path)
            .ToList();

        open.ShouldBeEmpty();
    }

    [Fact]
    public async Task LoadAsync_EmbeddedSchema_HasBothFileKinds()
    {
        var schema = await ConfigSchema.LoadAsync(TestContext.Current.CancellationToken);

        schema.MainFile.Properties.Keys.ShouldBe(["table", "domains", "destinations", "bounce_sender", "feedback_address", "subaddress_separators", "bounce_policy", "spam_policy", "queue_lifetime", "safety"]);
        schema.DomainFile.Properties.Keys.ShouldBe(["domain", "default_destination", "aliases", "moved"]);
    }

    [Fact]
    public void EmbeddedSchema_SafetyDefaults_MatchTheModelDefaults()
    {
        var safety = ReadSchema().SelectToken("definitions.mainFile.properties.safety.properties")!;

        safety["min_aliases"]!["default"]!.Value<int>().ShouldBe(SafetyThresholds.DefaultMinAliases);
        safety["max_delete_percent"]!["default"]!.Value<decimal>().ShouldBe(SafetyThresholds.DefaultMaxDeletePercent);
        safety["max_disable_percent"]!["default"]!.Value<decimal>().ShouldBe(SafetyThresholds.DefaultMaxDisablePercent);
    }

    [Fact]
    public void EmbeddedSchema_RoutingDefaults_MatchTheModelDefaults()
    {
        var main = ReadSchema().SelectToken("definitions.mainFile.properties")!;

        main["subaddress_separators"]!["default"]!.Values<string>().ShouldBe(SubAddressSeparators.Default.Values);
        main["bounce_policy"]!["default"]!.Value<string>().ShouldBe(MessagePolicy.Default.Bounce.ToName());
        main["bounce_policy"]!["enum"]!.Values<string>().ShouldBe(MessagePolicyNames.BouncePolicies);
        main["spam_policy"]!["default"]!.Value<string>().ShouldBe(MessagePolicy.Default.Spam.ToName());
        main["spam_policy"]!["enum"]!.Values<string>().ShouldBe(MessagePolicyNames.SpamPolicies);
    }

    private static IEnumerable<JProperty> Properties(JObject schema) =>
        schema.DescendantsAndSelf()
            .OfType<JProperty>()
            .Where(property => property.Name == "properties" && property.Value is JObject)
            .SelectMany(property => ((JObject)property.Value).Properties());

    private static JObject ReadSchema()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream(ConfigSchema.ResourceName)!;
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
