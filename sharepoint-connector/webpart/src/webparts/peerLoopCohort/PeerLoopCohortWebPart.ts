import { Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  PropertyPaneLabel,
  PropertyPaneTextField
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { AadHttpClient, type IHttpClientOptions } from '@microsoft/sp-http';
import { escape } from '@microsoft/sp-lodash-subset';

import styles from './PeerLoopCohortWebPart.module.scss';
import * as strings from 'PeerLoopCohortWebPartStrings';
import { normaliseBaseUrl, originOf, requestSession, type JsonPoster, type PageIds, type SessionOutcome } from '../../client/session';
import { handOver } from '../../client/handOver';

/**
 * What the page owner sets: where PeerLoop runs, its API's App ID URI, and the code of a
 * facilitator's request to open their space here. No secrets: the code only confirms, from the
 * page, a request PeerLoop already holds.
 */
export interface IPeerLoopCohortWebPartProps {
  peerloopUrl: string;
  appIdUri: string;
  confirmationCode?: string;
}

/**
 * The cohort space bound to this page, from PeerLoop: the web part gets an Entra token for
 * PeerLoop's API (the tenant approves that once, from package-solution.json's
 * webApiPermissionRequests), exchanges it for a PeerLoop session, and frames PeerLoop's page,
 * handing it the session by postMessage to PeerLoop's exact origin.
 */
export default class PeerLoopCohortWebPart extends BaseClientSideWebPart<IPeerLoopCohortWebPartProps> {
  private _stopHandOver: (() => void) | undefined;

  public render(): void {
    this._stop();
    const base = normaliseBaseUrl(this.properties.peerloopUrl);
    if (!base || !this.properties.appIdUri) {
      this._show(strings.NotConfiguredTitle, strings.NotConfigured);
      return;
    }
    this._show(strings.ConnectingTitle, '');
    this.context.aadHttpClientFactory
      .getClient(this.properties.appIdUri)
      .then((client) => requestSession(this._poster(client), base, this._pageIds()))
      .catch((e: Error) => ({ kind: 'api-not-approved', detail: e.message }) as SessionOutcome)
      .then((outcome) => this._render(outcome), () => undefined);
  }

  private _poster(client: AadHttpClient): JsonPoster {
    return {
      post: (url: string, body: string) => {
        const options: IHttpClientOptions = {
          body,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' }
        };
        return client.post(url, AadHttpClient.configurations.v1, options);
      }
    };
  }

  private _pageIds(): PageIds {
    const page = this.context.pageContext;
    const code = (this.properties.confirmationCode || '').trim();
    return {
      siteId: page.site.id.toString(),
      pageId: page.listItem ? String(page.listItem.id) : '',
      webUrl: page.web.absoluteUrl,
      listId: page.list ? page.list.id.toString() : '',
      ...(code ? { confirmationCode: code } : {})
    };
  }

  /** The three ids a facilitator enters in PeerLoop to bind this page (Settings, SharePoint pages). */
  private _idsText(ids: PageIds): string {
    const tenantId = this.context.pageContext.aadInfo.tenantId.toString();
    return `${strings.TenantId} ${tenantId}, ${strings.SiteId} ${ids.siteId}, ${strings.PageId} ${ids.pageId}`;
  }

  private _render(outcome: SessionOutcome): void {
    switch (outcome.kind) {
      case 'ready': {
        const session = outcome.session;
        const src = session.frameUrl + '?lang=' + encodeURIComponent(this.context.pageContext.cultureInfo.currentUICultureName);
        this.domElement.innerHTML =
          `<section class="${styles.peerLoopCohort}">` +
          `<iframe class="${styles.frame}" title="${escape(session.spaceTitle)}" src="${escape(src)}"></iframe>` +
          `</section>`;
        const iframe = this.domElement.querySelector('iframe');
        this._stopHandOver = handOver(window, () => (iframe?.contentWindow ?? undefined), session, originOf(session.frameUrl));
        return;
      }
      case 'not-configured':
        this._show(strings.NotConfiguredTitle, strings.NotConfigured);
        return;
      case 'not-bound':
        this._show(
          strings.NotBoundTitle,
          strings.NotBound + ' ' + this._idsText(outcome.ids)
        );
        return;
      case 'unconfirmed':
        this._show(strings.UnconfirmedTitle, strings.Unconfirmed + ' ' + outcome.detail);
        return;
      case 'api-not-approved':
        this._show(strings.ApiNotApprovedTitle, strings.ApiNotApproved);
        return;
      case 'no-entry':
        this._show(strings.NoEntryTitle, outcome.detail || outcome.reason);
        return;
      case 'refused':
        this._show(strings.RefusedTitle, strings.Refused + ' (' + outcome.reason + ')');
        return;
      default:
        this._show(strings.FailedTitle, outcome.detail);
    }
  }

  private _show(title: string, text: string): void {
    this.domElement.innerHTML =
      `<section class="${styles.peerLoopCohort}" role="status">` +
      `<h2 class="${styles.title}">${escape(title)}</h2>` +
      (text ? `<p>${escape(text)}</p>` : '') +
      `</section>`;
  }

  private _stop(): void {
    if (this._stopHandOver) {
      this._stopHandOver();
      this._stopHandOver = undefined;
    }
  }

  protected onDispose(): void {
    this._stop();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected get disableReactivePropertyChanges(): boolean {
    // Render once the owner applies the settings, not at every keystroke.
    return true;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const ids = this._pageIds();
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('peerloopUrl', {
                  label: strings.PeerLoopUrlLabel,
                  description: strings.PeerLoopUrlDescription,
                  onGetErrorMessage: (value: string) => (value && !normaliseBaseUrl(value) ? strings.PeerLoopUrlInvalid : '')
                }),
                PropertyPaneTextField('appIdUri', {
                  label: strings.AppIdUriLabel,
                  description: strings.AppIdUriDescription
                })
              ]
            },
            {
              groupName: strings.BindingGroupName,
              groupFields: [
                PropertyPaneLabel('binding', {
                  text: strings.BindingHelp + ' ' + this._idsText(ids)
                }),
                PropertyPaneTextField('confirmationCode', {
                  label: strings.ConfirmationCodeLabel,
                  description: strings.ConfirmationCodeDescription
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
