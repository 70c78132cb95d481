import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatReceiptCode, type PublicTipReceipt } from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips-public';

/** Copies text with the Clipboard API; false when the browser refuses (insecure page, old phone). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one time the receipt code is shown: large, selectable, with a copy button and the warning
 * to keep it. The code lives only in this page's memory (not in the URL or browser storage).
 */
export function ReceiptCodeCard({
  receipt,
  onAnother,
}: {
  receipt: PublicTipReceipt;
  onAnother: () => void;
}) {
  const { t } = useLocale();
  const [copied, setCopied] = useState<boolean | null>(null);
  const code = formatReceiptCode(receipt.receiptCode);
  return (
    <Card>
      <Typography.Paragraph>
        {t('tipPublic.doneNumber', { number: receipt.number })}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('tipPublic.code')}</Typography.Text>
      <div
        data-testid="receipt-code"
        aria-label={t('tipPublic.code')}
        style={{
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 28,
          fontWeight: 600,
          letterSpacing: 2,
          margin: '8px 0 16px',
          userSelect: 'all',
          wordBreak: 'break-all',
        }}
      >
        {code}
      </div>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => void copyText(receipt.receiptCode).then(setCopied)}
        >
          {copied ? t('tipPublic.copied') : t('tipPublic.copy')}
        </Button>
      </Flex>
      {copied === false && (
        <Alert
          type="warning"
          showIcon
          title={t('tipPublic.copyFailed')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Alert
        type="warning"
        showIcon
        title={t('tipPublic.codeWarning')}
        style={{ marginBottom: 16 }}
      />
      <Flex gap={16} wrap>
        <Link to="/tip/status">{t('tipPublic.checkStatus')}</Link>
        <Button type="link" style={{ padding: 0 }} onClick={onAnother}>
          {t('tipPublic.another')}
        </Button>
      </Flex>
    </Card>
  );
}
