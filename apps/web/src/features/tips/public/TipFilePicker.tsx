import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { TIP_FILE_ACCEPT, TIP_FILES_MAX } from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips-public';

/** A file kept in the browser until the form is sent (nothing is uploaded on its own). */
export type PickedFile = { uid: string; file: File };

/** Picks up to TIP_FILES_MAX photos or PDFs; the server checks their content again. */
export function TipFilePicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value: PickedFile[];
  onChange: (files: PickedFile[]) => void;
}) {
  const { t } = useLocale();
  const fileList: UploadFile[] = value.map((f) => ({
    uid: f.uid,
    name: f.file.name,
    size: f.file.size,
    status: 'done',
  }));
  return (
    <Upload
      id={id}
      accept={TIP_FILE_ACCEPT}
      multiple
      fileList={fileList}
      beforeUpload={(file, batch) => {
        // antd calls this once per chosen file with the whole batch: add the batch once.
        if (file !== batch[0]) return false;
        const room = TIP_FILES_MAX - value.length;
        const added = batch.slice(0, Math.max(0, room)).map((f) => ({ uid: f.uid, file: f }));
        onChange([...value, ...added]);
        return false;
      }}
      onRemove={(removed) => {
        onChange(value.filter((f) => f.uid !== removed.uid));
        return true;
      }}
    >
      <Button icon={<PaperClipOutlined />} disabled={value.length >= TIP_FILES_MAX}>
        {t('tipPublic.filesAdd')}
      </Button>
    </Upload>
  );
}
