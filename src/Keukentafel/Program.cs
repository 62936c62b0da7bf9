using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Cli;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Learning;
using Keukentafel.Mail;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Residents;
using Keukentafel.Web;

var builder = WebApplication.CreateBuilder(args);
// Secrets as files, one per setting and named like its environment variable (ConnectionStrings__Postgres): how
// Kubernetes and container engines mount them. They win over environment variables and appsettings.
builder.Configuration.AddKeyPerFile(builder.Configuration["Secrets:Folder"] is { Length: > 0 } folder ? folder : "/run/secrets", optional: true);
builder.AddObservability();
builder.AddData();
builder.AddAccounts();
builder.AddMail();
builder.AddWeb();
builder.AddNeighbourhoods();
builder.AddPrivacy();
builder.AddCases();
builder.AddMeetings();
builder.AddPlans();
builder.AddEffects();
builder.AddBudget();
builder.AddLearning();
builder.AddResidents();

var app = builder.Build();
if (OperatorCommands.IsCommand(args))
{
    return await OperatorCommands.RunAsync(app, args);
}

app.UseWeb();
app.MapHealth();
app.MapAccountsApi();
app.MapAdministrationApi();
app.MapNeighbourhoodsApi();
app.MapSpreadingApi();
app.MapCasesApi();
app.MapMeetingsApi();
app.MapPlansApi();
app.MapConsentsApi();
app.MapResidentInvitationsApi();
app.MapDeviationsApi();
app.MapAccessApi();
app.MapResidentsApi();
app.MapEffectsApi();
app.MapPricesApi();
app.MapBudgetApi();
app.MapLearningApi();
app.MapInitiativesApi();
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
