// public-list: anyone can list the object keys (the "file listing" setting of the HR-system incident, PPC alert 2024-12).
import type { Check } from './types.js';
import { exposureDrafts, makePrivateRemediation } from './helpers.js';

export const publicList: Check = {
  id: 'public-list',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'high',
  title: {
    ja: 'バケット内のオブジェクト一覧を誰でも取得できる',
    en: 'Anyone can list the objects in the bucket',
  },
  description: {
    ja:
      '誰でも（匿名の利用者、又は任意のアカウントの認証済み主体）がバケット内のオブジェクトのキー（ファイル名）の一覧を取得できる設定を検出します。' +
      '2024年12月に個人情報保護委員会が注意喚起した人事労務サービスの事案では、公開設定とこの「ファイル一覧」の設定の誤りにより、外部の者が全ファイルを一覧・取得しました。',
    en:
      'Detects a configuration under which anyone (an anonymous caller, or any authenticated principal of any account) ' +
      'can list the keys (file names) of the objects in the bucket. In the HR service incident the PPC (個人情報保護委員会) ' +
      'warned about in 2024-12, a wrong public setting together with this "file listing" setting let outsiders list and ' +
      'download every file.',
  },
  remediation: makePrivateRemediation('list'),
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run: (resource) =>
    exposureDrafts(resource, 'list', (name, refs) => {
      const read = resource.exposure.read;
      const readNote =
        read === true
          ? {
              ja: 'このバケットはオブジェクトの読取も公開されているため、一覧に載ったすべてのファイルを誰でも取得できます。',
              en: 'Object reads are public too, so anyone can download every file the list shows.',
            }
          : read === false
            ? {
                ja: 'オブジェクトの読取は公開されていませんが、個別のオブジェクト ACL 等で公開されたファイルがあれば、一覧から容易に見つけられます。',
                en: 'Object reads are not public, but any file made public some other way (e.g. an object ACL) is easy to find from the list.',
              }
            : {
                ja: 'オブジェクトの読取が公開されているかは確認できていません（not-verified を参照）。',
                en: 'Whether object reads are public could not be verified (see not-verified).',
              };
      return {
        ja:
          `「${name}」のオブジェクト一覧は誰でも取得できる状態です（根拠: ${refs.ja}）。` +
          'キーには氏名や社員番号などの個人データが含まれていることが多く、一覧はそれだけで情報を漏らし、保管されているファイルを探す手がかりにもなります。' +
          readNote.ja,
        en:
          `The object list of "${name}" can be fetched by anyone (evidence: ${refs.en}). Keys often contain personal data ` +
          `such as names or employee numbers, so the list leaks information by itself and shows where the files are. ${readNote.en}`,
      };
    }),
};
