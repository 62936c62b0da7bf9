namespace Keukentafel.Cases;

public sealed class CaseOverviewPage(CaseWork work, CaseFiles files) : CasePageModel(work, files);
